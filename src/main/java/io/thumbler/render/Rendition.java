package io.thumbler.render;

import io.thumbler.image.ImageFormat;

/**
 * A verified render: bytes that re-sniffed as the requested format and size.
 *
 * @param bytes     the encoded image
 * @param format    its format
 * @param width     its width in pixels
 * @param height    its height in pixels
 * @param renderMillis time spent in ImageMagick
 */
public record Rendition(byte[] bytes, ImageFormat format, int width, int height, long renderMillis) {
}
