package io.thumbler.thumbnails;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@link CachedVariantFilter} needs to answer one URL from the rendition cache without JAX-RS:
 * the variant's key and every header input the JAX-RS resource used when it answered the URL.
 *
 * @param renditionKey       the rendition cache key (the ETag's material)
 * @param purgeId            the source's purge identity, so a purge forgets the URL
 * @param etag               the strong ETag, quoted
 * @param contentType        the output format's media type
 * @param contentDisposition the {@code Content-Disposition} value
 * @param lastModified       the original's modification time, if its origin said
 * @param expires            the URL's {@code expires}, if any
 * @param varyAccept         whether the format was negotiated from {@code Accept}
 * @param usableUntilMillis  epoch milliseconds after which the URL must go through JAX-RS again: when
 *                           the source's version is no longer trusted, or the URL expires
 */
record KnownVariant(String renditionKey, String purgeId, String etag, String contentType, String contentDisposition,
                    Optional<Instant> lastModified, Optional<Instant> expires, boolean varyAccept, long usableUntilMillis) {

    boolean usableAt(long nowMillis) {
        return nowMillis < usableUntilMillis;
    }
}
