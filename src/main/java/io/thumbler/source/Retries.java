package io.thumbler.source;

import java.time.Duration;

import io.thumbler.error.ThumblerException;

/**
 * Runs an attempt again, after a {@link Backoff} pause, while it fails in a retryable way, at most
 * {@code retries} times and only while the deadline leaves room for the pause and another try
 * (twice the pause); otherwise the last failure is thrown.
 */
final class Retries {

    /** One try. */
    interface Attempt<T> {
        T run() throws RetryableFailure;
    }

    private Retries() {
    }

    /** @throws ThumblerException the last retryable failure, or whatever failure is not retryable */
    static <T> T run(int retries, Deadline deadline, Attempt<T> attempt) {
        for (int done = 0; ; done++) {
            try {
                return attempt.run();
            } catch (RetryableFailure r) {
                Duration pause = Backoff.pause(done);
                if (done >= retries || deadline.remaining().compareTo(pause.multipliedBy(2)) < 0) {
                    throw r.failure();
                }
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw r.failure();
                }
            }
        }
    }
}
