package io.thumbler.cache;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;

/**
 * At most one load per key at a time: the first request for a key runs the load on its own thread;
 * requests for the same key that arrive meanwhile wait for its outcome (at most {@code wait}) and
 * share it, value or exception. Nothing is remembered once the load has finished: keeping the value
 * is the cache's job, and a failure must not be kept at all.
 *
 * @param <T> what a load produces
 */
public final class SingleFlight<T> {

    /** Where a value came from. */
    public enum Source {
        /** this request ran the load */
        LOADED,
        /** another request's load, waited for */
        COALESCED,
        /** the cache, found by the re-check after this request became the loader */
        CACHED
    }

    /**
     * @param value  the value
     * @param source where it came from
     */
    public record Outcome<T>(T value, Source source) {

        public boolean coalesced() {
            return source == Source.COALESCED;
        }
    }

    private final String what;
    private final ConcurrentHashMap<String, CompletableFuture<T>> inFlight = new ConcurrentHashMap<>();
    private final LongAdder loads = new LongAdder();
    private final LongAdder coalesced = new LongAdder();

    /** @param what what is loaded, for the timeout message ({@code "rendering"}, {@code "fetching"}) */
    public SingleFlight(String what) {
        this.what = what;
    }

    /** {@link #load(String, Duration, Supplier, Supplier)} without a cache to re-check. */
    public Outcome<T> load(String key, Duration wait, Supplier<T> loader) {
        return load(key, wait, () -> null, loader);
    }

    /**
     * @param cached  looks the key up in the cache again once this request is the loader: a request
     *                that missed the cache just before another's load finished and stored its value
     *                finds it here instead of loading a second time; {@code null} when absent
     * @param loader  loads (and stores) the value
     * @throws ThumblerException 503 when the load of another request did not finish within {@code wait};
     *         else whatever the load threw
     */
    public Outcome<T> load(String key, Duration wait, Supplier<T> cached, Supplier<T> loader) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            coalesced.increment();
            return new Outcome<>(await(running, wait), Source.COALESCED);
        }
        try {
            T value = cached.get();
            Source source = Source.CACHED;
            if (value == null) {
                loads.increment();
                value = loader.get();
                source = Source.LOADED;
            }
            mine.complete(value);
            return new Outcome<>(value, source);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private T await(CompletableFuture<T> running, Duration wait) {
        try {
            return running.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new ThumblerException(ErrorKind.OVERLOADED, "the server is busy: another request has been " + what
                    + " this image for more than " + wait.toSeconds() + " s", null, null, (int) Math.max(1, wait.toSeconds() / 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ThumblerException(ErrorKind.SHUTTING_DOWN, "the server is shutting down");
        }
    }

    /** Loads started (each one a real fetch or render). */
    public long loads() {
        return loads.sum();
    }

    /** Requests that shared another request's load. */
    public long coalesced() {
        return coalesced.sum();
    }

    /** Loads running now. */
    public int inFlight() {
        return inFlight.size();
    }
}
