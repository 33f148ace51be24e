package io.thumbler.thumbnails;

import io.thumbler.cache.KnownSource;
import io.thumbler.image.ImageFormat;
import io.thumbler.source.SourceUri;
import io.thumbler.transform.Transform;

/**
 * One requested variant, identified before anything is rendered: enough to answer a conditional
 * request with 304, or to look it up and render it.
 *
 * @param sourceText the source as the URL wrote it (for {@code Content-Disposition})
 * @param key        the rendition cache key (for a passthrough, a key of its own that is never
 *                   stored); its strong ETag is {@link #etag()}
 * @param negotiated whether the output format came from the request's {@code Accept} header (then
 *                   the response must say {@code Vary: Accept})
 * @param passthrough whether the original is answered as it is ({@code skip_processing}, {@code raw});
 *                    then {@code output} is the original's format
 */
public record Variant(SourceUri source, String sourceText, Transform transform, ImageFormat output, int quality,
                      KnownSource known, String key, boolean negotiated, boolean passthrough) {

    /** The {@code Content-Disposition} of this variant written in {@code format}. */
    public String contentDisposition(ImageFormat format) {
        return ContentDisposition.of(transform.delivery(), sourceText, format);
    }

    /** The strong entity tag: the key, quoted. Equal keys mean equal bytes. */
    public String etag() {
        return "\"" + key + "\"";
    }
}
