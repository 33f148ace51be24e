package io.thumbler.http;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Hands access-log lines to one background thread, so that no request waits for the log's I/O.
 *
 * <p>Why: java.util.logging handlers publish under a lock, and Payara's console handler writes
 * synchronously; the benchmark's thread dumps showed every request thread of a cache hit queued
 * on that lock (≈130 hits/s instead of thousands). The queue is bounded: when the log cannot keep
 * up, lines are dropped and counted (and the count is logged), never the request slowed down.
 */
final class AccessLogWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AccessLogWriter.class.getName());
    static final int CAPACITY = 8192;

    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Sink sink;
    private final Thread thread;
    private volatile boolean open = true;

    /** Where lines go, in order, on the writer thread. */
    @FunctionalInterface
    interface Sink {
        void write(String line);

        /** Called when the queue has run empty: push out what is buffered. */
        default void flush() {
            // nothing buffered by default
        }
    }

    /** @param sink where lines go, in order, on the writer thread */
    AccessLogWriter(Sink sink) {
        this.sink = sink;
        this.thread = new Thread(this::drain, "thumbler-access-log");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a line; never blocks. */
    void write(String line) {
        if (!lines.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    long dropped() {
        return dropped.get();
    }

    private void drain() {
        long reported = 0;
        long failed = 0;
        while (open || !lines.isEmpty()) {
            try {
                String line = lines.poll();
                if (line == null) {
                    sink.flush();
                    line = lines.poll(200, TimeUnit.MILLISECONDS);
                }
                if (line != null) {
                    sink.write(line);
                }
            } catch (InterruptedException e) {
                open = false;
            } catch (RuntimeException e) {
                // A broken destination fails every line: say so on the first and every 10 000th.
                if (failed++ % 10_000 == 0) {
                    LOG.warning("access log not written (" + failed + " failures so far): " + e);
                }
            }
            long d = dropped.get();
            if (d > reported && lines.isEmpty()) {
                LOG.warning((d - reported) + " access log lines dropped: the log could not keep up");
                reported = d;
            }
        }
        try {
            sink.flush();
        } catch (RuntimeException e) {
            LOG.warning("access log not flushed at close: " + e);
        }
    }

    /** Writes what is queued, then stops the thread. */
    @Override
    public void close() {
        open = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
