package io.thumbler.source;

import io.thumbler.error.ThumblerException;

/**
 * A failure worth one more attempt: the request never reached the origin (connection refused, no
 * route), or the origin failed (5xx). Carries the failure to report when no attempt is left.
 */
final class RetryableFailure extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient ThumblerException failure;

    RetryableFailure(ThumblerException failure) {
        super(failure.getMessage(), null, false, false);
        this.failure = failure;
    }

    ThumblerException failure() {
        return failure;
    }
}
