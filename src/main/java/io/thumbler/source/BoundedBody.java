package io.thumbler.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import io.thumbler.error.ThumblerException;

/**
 * Reads a response body into memory while counting: the byte cap holds whatever the origin said
 * its length would be, and the deadline is checked after every read.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    /**
     * @throws ThumblerException 422 as soon as more than {@code maxBytes} arrived, 504 when the
     *         deadline passed
     * @throws IOException when the connection fails (the caller decides 502 or 504)
     */
    static byte[] read(InputStream in, SourceUri uri, long maxBytes, Deadline deadline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[64 * 1024];
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
        return ThumblerException.unprocessable("original '" + uri + "' is larger than the limit of " + maxBytes
                + " bytes (THUMBLER_MAX_SRC_FILE_SIZE)");
    }

    static ThumblerException tooSlow(SourceUri uri, Deadline deadline) {
        return tooSlow(uri, deadline, null);
    }

    static ThumblerException tooSlow(SourceUri uri, Deadline deadline, Exception cause) {
        return new ThumblerException(504, "original '" + uri + "' did not arrive within the download timeout of "
                + deadline.describeBudget(), cause == null ? null : cause.toString(), cause);
    }
}
