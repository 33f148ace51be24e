package io.thumbler.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import io.thumbler.error.ThumblerException;

/**
 * Reads the original out of an origin's 200 answer. The size cap is checked from Content-Length
 * before any byte is read and again while reading ({@link BoundedBody}); the bytes are reserved in
 * the in-flight budget before the body is read. The Content-Type is not trusted: whatever arrives
 * goes to the header sniffer.
 *
 * <p>Version: the ETag, else the Last-Modified date, else a SHA-256 of the bytes.
 */
final class HttpsOriginalReader {

    private final long maxBytes;

    HttpsOriginalReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * @throws ThumblerException 422 over the size cap, 502 when the body is not as announced, 504
     *         past the deadline, 503 when the in-flight budget is spent
     * @throws IOException when the connection fails (the caller maps it)
     */
    Original read(SourceUri requested, HttpURLConnection connection, Deadline deadline, OriginalsInFlight inFlight)
            throws IOException {
        long declared = connection.getContentLengthLong();
        if (declared > maxBytes) {
            throw ThumblerException.badOriginal("original '" + requested + "' is " + declared
                    + " bytes according to the origin; the limit is " + maxBytes + " bytes (THUMBLER_MAX_SRC_FILE_SIZE)");
        }
        OriginalsInFlight.Reservation reservation = inFlight.reserve(requested, declared >= 0 ? declared : maxBytes);
        try {
            byte[] bytes;
            try (InputStream in = connection.getInputStream()) {
                bytes = BoundedBody.read(in, requested, "the origin", declared, maxBytes, deadline);
            }
            reservation.shrinkTo(bytes.length);
            long lastModified = connection.getLastModified();
            Optional<Instant> when = lastModified > 0 ? Optional.of(Instant.ofEpochMilli(lastModified)) : Optional.empty();
            return new Original(bytes, version(connection, bytes), when, reservation);
        } catch (IOException | RuntimeException e) {
            reservation.close();
            throw e;
        }
    }

    private static String version(HttpURLConnection connection, byte[] bytes) {
        String etag = connection.getHeaderField("ETag");
        if (etag != null && !etag.isBlank()) {
            return etag.trim();
        }
        String lastModified = connection.getHeaderField("Last-Modified");
        if (lastModified != null && !lastModified.isBlank()) {
            return "last-modified:" + lastModified.trim();
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
