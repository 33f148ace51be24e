package io.thumbler.source;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Cuts a download off when its deadline passes. Socket read timeouts bound one read, not a body
 * that trickles in a byte a second, and the SDK's call timeout ends when S3's headers arrive; the
 * watchdog closes the connection at the deadline so the blocked reader fails at once and no
 * request thread outlives its budget.
 *
 * <p>One daemon thread per source kind; {@link #close()} stops it when the application undeploys.
 */
final class Watchdog implements AutoCloseable {

    private final ScheduledThreadPoolExecutor timer;

    Watchdog(String name) {
        timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = Executors.defaultThreadFactory().newThread(runnable);
            t.setName("thumbler-" + name + "-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Runs {@code cutOff} when the deadline passes, unless the returned handle is closed first. */
    Armed arm(Deadline deadline, Runnable cutOff) {
        ScheduledFuture<?> task = timer.schedule(cutOff, deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        return () -> task.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** A scheduled cut-off; closing it disarms it. */
    interface Armed extends AutoCloseable {
        @Override
        void close();
    }
}
