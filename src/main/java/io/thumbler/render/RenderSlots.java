package io.thumbler.render;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import io.thumbler.config.ConfigReader;
import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;

/**
 * The render slots and their admission: at most {@code concurrency} ImageMagick processes at once
 * (one per core by default), at most {@code queue} requests waiting, each for at most
 * {@code queueTimeout}; beyond that a request gets 503 with {@code Retry-After} at once rather
 * than piling up threads and memory.
 *
 * <p>A slot is held by the calling request thread for the length of one process: the thread would
 * wait for the result anyway, and no second pool of threads has to be sized and drained.
 *
 * <p>On undeploy (SIGTERM: Payara has stopped accepting connections by then) the pool drains:
 * new requests get 503, renders already admitted may finish until
 * {@code THUMBLER_SHUTDOWN_TIMEOUT}, then the remaining ImageMagick processes are ended and their
 * temp directories removed. Each request's fate is fired as a {@link RenderOutcome} event.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RenderSlots {

    private static final Logger LOG = Logger.getLogger(RenderSlots.class.getName());
    /** After the processes were ended: how long their threads get to clean up and answer. */
    private static final Duration UNWIND = Duration.ofSeconds(5);

    @Inject
    ImageMagickSetup imageMagick;

    @Inject
    ConfigReader config;

    @Inject
    Event<RenderOutcome> outcomes;

    private Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    /** Threads inside {@link #render}: waiting or rendering; interrupted when a drain gives up. */
    private final Set<Thread> inside = ConcurrentHashMap.newKeySet();
    private volatile boolean draining;
    private RenderSettings settings;
    private Duration shutdownTimeout;

    @PostConstruct
    void start() {
        settings = imageMagick.settings();
        shutdownTimeout = shutdownTimeout(config);
        slots = new Semaphore(settings.concurrency(), true);
    }

    /**
     * How long a shutdown waits for admitted renders ({@code THUMBLER_SHUTDOWN_TIMEOUT}, seconds,
     * default 25: inside the 30 s that orchestrators such as Kubernetes and systemd grant by default).
     */
    public static Duration shutdownTimeout(ConfigReader config) {
        return Duration.ofSeconds(config.integer("thumbler.shutdown-timeout", 25, 0, 3600));
    }

    /**
     * Takes a slot, then prepares the job inside it (fetches the original, checks its header) and
     * renders it. Preparing inside the slot is what keeps memory in step with the work: a request
     * waiting in the queue holds no original, so the heap holds at most one original per slot
     * however long the queue is. (Fetching inside the slot costs the slot the fetch time; originals
     * usually come from the original cache, which the facts-learning fetch filled.)
     *
     * @param prepare runs inside the slot; a failure there is the request's, not a failed render
     * @throws RenderOverloadedException when no slot frees up in time, the queue is full or the
     *         server is shutting down
     */
    public Rendition render(Supplier<RenderJob> prepare) {
        return render(prepare, 1);
    }

    /**
     * {@link #render(Supplier)} for a render that takes {@code slotsNeeded} slots at once
     * ({@link RenderSettings#slotsFor}: a whole-picture decoder's memory), at most all of them. It
     * waits in the same queue, in turn: the slots it needs are not handed to requests behind it.
     */
    public Rendition render(Supplier<RenderJob> prepare, int slotsNeeded) {
        int taken = Math.max(1, Math.min(slotsNeeded, settings.concurrency()));
        long t0 = System.nanoTime();
        inside.add(Thread.currentThread());
        try {
            try {
                acquire(taken);
            } catch (RenderOverloadedException e) {
                fire(RenderOutcome.Kind.REJECTED, System.nanoTime() - t0, 0);
                throw e;
            }
            try {
                RenderJob job = prepare.get();
                return renderInSlot(job, System.nanoTime() - t0);
            } finally {
                slots.release(taken);
            }
        } finally {
            inside.remove(Thread.currentThread());
        }
    }

    private Rendition renderInSlot(RenderJob job, long queueNanos) {
        long t1 = System.nanoTime();
        active.incrementAndGet();
        RenderOutcome.Kind kind = RenderOutcome.Kind.FAILED;
        try {
            Rendition rendition = imageMagick.renderer().render(job);
            kind = RenderOutcome.Kind.COMPLETED;
            return rendition;
        } catch (ThumblerException e) {
            if (e.kind() == ErrorKind.RENDER_TIMEOUT) {
                kind = RenderOutcome.Kind.TIMED_OUT;
            }
            throw e;
        } finally {
            active.decrementAndGet();
            fire(kind, queueNanos, System.nanoTime() - t1);
        }
    }

    /**
     * Refuses at once, before the caller fetches and checks an original, a render that
     * {@link #render} would refuse now: the server is shutting down, or every slot and queue place
     * is taken. Under a burst of distinct misses this keeps a refusal at a few milliseconds instead
     * of paying for a fetch, a header check and a thread held meanwhile. (A request that passes may
     * still be refused by {@link #render} when others took the last places in between.)
     *
     * @throws RenderOverloadedException as {@link #render} would
     */
    public void refuseIfFull() {
        if (draining) {
            throw shuttingDown();
        }
        if (saturated()) {
            fire(RenderOutcome.Kind.REJECTED, 0, 0);
            throw queueFull();
        }
    }

    /** Whether {@link #render} would refuse a new render now (every slot and queue place taken, or shutting down). */
    public boolean saturated() {
        return draining || (slots.availablePermits() == 0 && waiting.get() >= settings.queue());
    }

    private void fire(RenderOutcome.Kind kind, long queueNanos, long renderNanos) {
        try {
            outcomes.fire(new RenderOutcome(kind, queueNanos, renderNanos));
        } catch (RuntimeException e) {
            // Counting must never fail a render; the observer's failure is its own bug.
            LOG.warning(() -> "a render outcome observer failed: " + e);
        }
    }

    private void acquire(int permits) {
        if (draining) {
            throw shuttingDown();
        }
        if (slots.tryAcquire(permits)) {
            return;
        }
        if (waiting.incrementAndGet() > settings.queue()) {
            waiting.decrementAndGet();
            throw queueFull();
        }
        try {
            if (!slots.tryAcquire(permits, settings.queueTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RenderOverloadedException("the server is busy: no render slot freed up within "
                        + settings.queueTimeout().toSeconds() + " s", retryAfter());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw shuttingDown();
        } finally {
            waiting.decrementAndGet();
        }
    }

    private RenderOverloadedException queueFull() {
        return new RenderOverloadedException("the server is busy: all " + settings.concurrency()
                + " render slots and " + settings.queue() + " queue places are taken", retryAfter());
    }

    private RenderOverloadedException shuttingDown() {
        return new RenderOverloadedException("the server is shutting down", retryAfter());
    }

    /**
     * Refuses new renders, lets admitted ones finish within the shutdown timeout, then ends the
     * ImageMagick processes still running and removes render temp directories left behind.
     */
    @PreDestroy
    void drain() {
        draining = true;
        long t0 = System.nanoTime();
        int busy = active.get() + waiting.get();
        if (busy > 0) {
            LOG.info(() -> "shutting down: waiting up to " + shutdownTimeout.toSeconds() + " s for " + busy + " render(s)");
        }
        if (!awaitIdle(shutdownTimeout)) {
            int stopped = ConvertProcess.stopAll();
            inside.forEach(Thread::interrupt);
            boolean unwound = awaitIdle(UNWIND);
            LOG.warning(() -> "shutdown deadline of " + shutdownTimeout.toSeconds() + " s passed: ended " + stopped
                    + " ImageMagick process(es)" + (unwound ? "" : "; " + inside.size() + " request(s) still inside"));
        } else if (busy > 0) {
            LOG.info(() -> "drained in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
        removeLeftoverRenderDirs(settings.tempDir());
    }

    private boolean awaitIdle(Duration limit) {
        long until = System.nanoTime() + limit.toNanos();
        while (!inside.isEmpty()) {
            if (System.nanoTime() - until >= 0) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Every render has ended by now, so every work dir left in the temp root is an orphan. */
    private static void removeLeftoverRenderDirs(Path tempRoot) {
        TempDirSweeper.Sweep sweep = new TempDirSweeper(tempRoot, Duration.ZERO).sweep();
        if (!sweep.failures().isEmpty()) {
            LOG.warning(() -> "could not clean " + tempRoot + " on shutdown: " + sweep.failures());
        }
    }

    /** Whether the pool refuses new renders because the application is shutting down. */
    public boolean draining() {
        return draining;
    }

    private int retryAfter() {
        return (int) Math.max(1, settings.queueTimeout().toSeconds() / 2);
    }

    /** Renders running now. */
    public int active() {
        return active.get();
    }

    /** Requests waiting for a slot now. */
    public int queued() {
        return waiting.get();
    }

    public int concurrency() {
        return settings.concurrency();
    }

    /** How many requests may wait for a slot before more get 503. */
    public int queueCapacity() {
        return settings.queue();
    }
}
