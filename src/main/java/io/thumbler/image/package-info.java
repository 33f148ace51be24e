/**
 * What an original is, read from its bytes alone, before any process runs: {@link
 * io.thumbler.image.HeaderSniffer} recognises the format by its magic bytes and reads each format's
 * header (size, frames, orientation, …) with a reader per format; {@link
 * io.thumbler.image.SourceLimits} refuses what is too large; {@link io.thumbler.image.ImageFormat}
 * names formats as Thumbler reads and writes them. A leaf: it depends on nothing of Thumbler but
 * {@code config} and {@code error}, so the URL language, the cache, the sources and the renderer can
 * all use it.
 */
package io.thumbler.image;
