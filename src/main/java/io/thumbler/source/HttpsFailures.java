package io.thumbler.source;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.util.Set;

import javax.net.ssl.SSLException;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;

/**
 * Translates what an HTTPS origin answers, or how the connection to it fails, into the statuses a
 * CDN should see: missing, denied and refused are the same 404 (no existence oracle), a slow origin
 * is 504, anything else broken is 502. Failures that never reached the origin (refused connection,
 * no route) and the origin's own 5xx are retryable.
 */
final class HttpsFailures {

    private static final Set<Integer> MISSING = Set.of(401, 403, 404, 410);

    private HttpsFailures() {
    }

    /** A status that is neither 200 nor a redirect. */
    static ThumblerException status(SourceUri requested, SourceUri hop, int status) throws RetryableFailure {
        if (MISSING.contains(status)) {
            return new ThumblerException(ErrorKind.NOT_FOUND, "original '" + requested + "' not found", "origin answered " + status, null);
        }
        ThumblerException failure = new ThumblerException(ErrorKind.ORIGIN_FAILED, "original '" + requested + "': the origin answered "
                + status, "from " + hop, null);
        if (status >= 500) {
            throw new RetryableFailure(failure);
        }
        return failure;
    }

    /** A failed connection, TLS handshake, request or body read. */
    static ThumblerException connection(SourceUri requested, SourceUri hop, IOException e, Deadline deadline) throws RetryableFailure {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RefusedAddressException refused) {
                return refusedAddress(requested, hop, refused.getMessage().replaceFirst("^.*? is ", ""), refused.getMessage());
            }
        }
        if (deadline.expired() || e instanceof SocketTimeoutException) {
            return new ThumblerException(ErrorKind.ORIGIN_TIMEOUT, "original '" + requested + "' did not arrive within the download timeout of "
                    + deadline.describeBudget(), e.toString(), e);
        }
        if (e instanceof SSLException) {
            return new ThumblerException(ErrorKind.ORIGIN_FAILED, "original '" + requested + "': the TLS connection to '"
                    + hop.authority() + "' failed", e.toString(), e);
        }
        ThumblerException failure = new ThumblerException(ErrorKind.ORIGIN_FAILED, "original '" + requested + "': the connection to '"
                + hop.authority() + "' failed", e.toString(), e);
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            throw new RetryableFailure(failure);
        }
        return failure;
    }

    /** The hop's host resolves (or, at connect time, connects) to an address the policy refuses. */
    static ThumblerException refusedAddress(SourceUri requested, SourceUri hop, String reason, String address) {
        return new ThumblerException(ErrorKind.NOT_FOUND, "original '" + requested + "'" + redirected(requested, hop) + ": host '"
                + AllowedSources.hostOf(hop.authority()) + "' resolves to a refused address (" + reason + ")",
                "address " + address, null);
    }

    /** " (redirected to '…')" when the hop is a redirect's target, else nothing. */
    static String redirected(SourceUri requested, SourceUri hop) {
        return hop == requested ? "" : " (redirected to '" + hop + "')";
    }
}
