package io.thumbler.render;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * The render slots and their admission: at most {@code concurrency} ImageMagick processes at once
 * (one per core by default), at most {@code queue} requests waiting, each for at most
 * {@code queueTimeout}; beyond that a request gets 503 with {@code Retry-After} at once rather
 * than piling up threads and memory (REL-1).
 *
 * <p>A slot is held by the calling request thread for the length of one process: the thread would
 * wait for the result anyway, and no second pool of threads has to be sized and drained.
 */
@Singleton
@Startup
@DependsOn("ImageMagickSetup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RenderPool {

    @Inject
    ImageMagickSetup imageMagick;

    private Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private RenderSettings settings;

    @PostConstruct
    void start() {
        settings = imageMagick.settings();
        slots = new Semaphore(settings.concurrency(), true);
    }

    /**
     * Renders under a slot.
     *
     * @throws RenderOverloadedException when no slot frees up in time or the queue is full
     */
    public Rendition render(RenderJob job) {
        acquire();
        active.incrementAndGet();
        try {
            return imageMagick.renderer().render(job);
        } finally {
            active.decrementAndGet();
            slots.release();
        }
    }

    private void acquire() {
        if (slots.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > settings.queue()) {
            waiting.decrementAndGet();
            throw new RenderOverloadedException("the server is busy: all " + settings.concurrency()
                    + " render slots and " + settings.queue() + " queue places are taken", retryAfter());
        }
        try {
            if (!slots.tryAcquire(settings.queueTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RenderOverloadedException("the server is busy: no render slot freed up within "
                        + settings.queueTimeout().toSeconds() + " s", retryAfter());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderOverloadedException("the server is shutting down", retryAfter());
        } finally {
            waiting.decrementAndGet();
        }
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
}
