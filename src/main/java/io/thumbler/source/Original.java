package io.thumbler.source;

import java.time.Instant;
import java.util.Optional;

/**
 * The bytes of an original with what identifies this version of it.
 *
 * @param bytes        the whole original (sizes are capped before it is read)
 * @param version      changes whenever the content may have changed (S3 ETag or VersionId, HTTP
 *                     ETag, file size and modification time); part of every cache key
 * @param lastModified when the origin says it last changed, if it says
 */
public record Original(byte[] bytes, String version, Optional<Instant> lastModified) {

    @Override
    public byte[] bytes() {
        return bytes;
    }
}
