package io.thumbler.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;

/**
 * Reads a response body into memory while counting: the byte cap holds whatever the origin said
 * its length would be, and the deadline is checked after every read. A body of announced length is
 * read straight into an array of that length (no growing buffer and final copy, which cost three
 * times the original's size in heap at the end of a large read); reads go in 64 KiB steps, so the
 * JDK never allocates a native buffer as large as the original for one call.
 */
final class BoundedBody {

    private static final int STEP = 64 * 1024;

    private BoundedBody() {
    }

    /**
     * @param origin    how a mismatch names the origin ("S3", "the origin")
     * @param announced the length the origin announced, or -1
     * @throws ThumblerException 422 when more than {@code maxBytes} arrive (or are announced), 502 when
     *         the body is shorter or longer than announced, 504 when the deadline passed
     * @throws IOException when the connection fails (the caller decides 502 or 504)
     */
    static byte[] read(InputStream in, SourceUri uri, String origin, long announced, long maxBytes, Deadline deadline)
            throws IOException {
        if (announced > maxBytes) {
            throw tooLarge(uri, maxBytes);
        }
        return announced >= 0 ? readAnnounced(in, uri, origin, (int) announced, deadline) : readUnannounced(in, uri, maxBytes, deadline);
    }

    private static byte[] readAnnounced(InputStream in, SourceUri uri, String origin, int length, Deadline deadline)
            throws IOException {
        byte[] bytes = new byte[length];
        int filled = 0;
        while (filled < length) {
            int n = in.read(bytes, filled, Math.min(STEP, length - filled));
            if (n < 0) {
                checkDeadline(uri, deadline);
                throw new ThumblerException(ErrorKind.ORIGIN_FAILED, "original '" + uri + "': " + origin + " sent " + filled + " of the "
                        + length + " bytes it announced", null, null);
            }
            filled += n;
            checkDeadline(uri, deadline);
        }
        if (in.read() >= 0) {
            throw new ThumblerException(ErrorKind.ORIGIN_FAILED, "original '" + uri + "': " + origin + " sent more than the " + length
                    + " bytes it announced", null, null);
        }
        return bytes;
    }

    private static void checkDeadline(SourceUri uri, Deadline deadline) {
        if (deadline.expired()) {
            throw tooSlow(uri, deadline);
        }
    }

    private static byte[] readUnannounced(InputStream in, SourceUri uri, long maxBytes, Deadline deadline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[STEP];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge(uri, maxBytes);
            }
            if (deadline.expired()) {
                throw tooSlow(uri, deadline);
            }
            out.write(buffer, 0, n);
        }
        if (deadline.expired()) {
            // a connection cut off at the deadline can look like an ordinary end of the body
            throw tooSlow(uri, deadline);
        }
        return out.toByteArray();
    }

    static ThumblerException tooLarge(SourceUri uri, long maxBytes) {
        return ThumblerException.badOriginal("original '" + uri + "' is larger than the limit of " + maxBytes
                + " bytes (THUMBLER_MAX_SRC_FILE_SIZE)");
    }

    static ThumblerException tooSlow(SourceUri uri, Deadline deadline) {
        return tooSlow(uri, deadline, null);
    }

    static ThumblerException tooSlow(SourceUri uri, Deadline deadline, Exception cause) {
        return new ThumblerException(ErrorKind.ORIGIN_TIMEOUT, "original '" + uri + "' did not arrive within the download timeout of "
                + deadline.describeBudget(), cause == null ? null : cause.toString(), cause);
    }
}
