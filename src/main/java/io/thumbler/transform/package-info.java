/**
 * imgproxy's URL language: the path after the signature, its processing options, and the
 * immutable {@link io.thumbler.transform.Transform} they describe.
 *
 * <p>Parsing is separate from processing (as in imgproxy): this package turns text into values and
 * rejects every bad option, arity or value with a message that names both. It has no Jakarta
 * imports and no I/O, so it is unit-tested exhaustively. {@link io.thumbler.transform.Transform#canonical()}
 * is the stable text form that keys the caches: aliases resolved, defaults dropped, fixed order.
 *
 * <p>A format a URL names (extension, {@code format}, {@code format_quality}) is parsed once, into
 * an {@link io.thumbler.image.ImageFormat} that Thumbler can write ({@link io.thumbler.transform.OutputFormats});
 * the canonical form spells it as its extension, so {@code jpeg} and {@code jpg} key the same variant.
 */
package io.thumbler.transform;
