package io.thumbler.source;

import java.io.InterruptedIOException;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Translates what the SDK throws into the statuses a CDN should see.
 *
 * <p>A missing key, a missing bucket and a denied read all become the same 404, so the service is
 * not an oracle for which objects exist. An S3 that is down or answers nonsense is 502, one that is
 * too slow is 504. The SDK's own message goes to the internal detail only.
 */
final class S3Failures {

    private S3Failures() {
    }

    static ThumblerException map(SourceUri uri, SdkException e, Deadline deadline, java.time.Duration attemptTimeout) {
        String detail = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (e instanceof NoSuchKeyException || e instanceof NoSuchBucketException) {
            return notFound(uri, detail, e);
        }
        if (e instanceof S3Exception s3) {
            int status = s3.statusCode();
            String code = s3.awsErrorDetails() == null ? "" : String.valueOf(s3.awsErrorDetails().errorCode());
            if (status == 403 || status == 404) {
                return notFound(uri, detail, e);
            }
            // a version id S3 cannot parse names no object, like a missing key
            if (status == 400 && uri.versionId().isPresent() && "InvalidArgument".equals(code)) {
                return notFound(uri, detail, e);
            }
            return new ThumblerException(ErrorKind.ORIGIN_FAILED, "original '" + uri + "': S3 answered " + status
                    + (code.isEmpty() || "null".equals(code) ? "" : " " + code), detail, e);
        }
        if (e instanceof ApiCallAttemptTimeoutException) {
            // Every attempt (the first and its retries) ran into the per-attempt bound, which usually
            // ends the fetch well before the download timeout: name the bound that did it.
            return new ThumblerException(ErrorKind.ORIGIN_TIMEOUT, "original '" + uri + "': S3 did not answer in time (each attempt "
                    + Seconds.describe(attemptTimeout) + ", THUMBLER_S3_ATTEMPT_TIMEOUT)", detail, e);
        }
        if (e instanceof ApiCallTimeoutException || timedOut(e)) {
            return new ThumblerException(ErrorKind.ORIGIN_TIMEOUT, "original '" + uri + "': S3 did not answer in time (download timeout "
                    + deadline.describeBudget() + ")", detail, e);
        }
        return new ThumblerException(ErrorKind.ORIGIN_FAILED, "original '" + uri + "': S3 could not be reached or answered "
                + "something that is not S3", detail, e);
    }

    static ThumblerException notFound(SourceUri uri, String detail, Throwable cause) {
        return new ThumblerException(ErrorKind.NOT_FOUND, "original '" + uri + "' not found", detail, cause);
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }
}
