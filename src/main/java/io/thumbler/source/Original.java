package io.thumbler.source;

import java.time.Instant;
import java.util.Optional;

/**
 * The bytes of an original with what identifies this version of it.
 *
 * <p>An original just read from its origin holds its bytes' share of the {@link OriginalsInFlight}
 * budget until {@link #close()}: the code that stores it (or gives up on it) closes it. Closing
 * releases only the budget; the bytes stay readable.
 *
 * @param bytes        the whole original (sizes are capped before it is read)
 * @param version      changes whenever the content may have changed (S3 ETag or VersionId, HTTP
 *                     ETag, a local file's size, modification and status-change times and inode); part of every
 *                     cache key
 * @param lastModified when the origin says it last changed, if it says
 * @param reservation  its bytes' share of the in-flight budget, or {@code null} (from a cache)
 */
public record Original(byte[] bytes, String version, Optional<Instant> lastModified,
                       OriginalsInFlight.Reservation reservation) implements AutoCloseable {

    /** An original that holds no share of the in-flight budget (decoded from a cache, built in a test). */
    public Original(byte[] bytes, String version, Optional<Instant> lastModified) {
        this(bytes, version, lastModified, null);
    }

    @Override
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public void close() {
        if (reservation != null) {
            reservation.close();
        }
    }
}
