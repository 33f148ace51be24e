package io.thumbler.cache;

import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import javax.cache.Cache;

/**
 * A JCache cache whose every failure is a miss: an exception from the provider (a closed cache, a
 * Hazelcast member gone, a corrupt entry that cannot be decoded) is counted in {@link CacheFailures},
 * logged, and answered as "not there" or "not stored". Thumbler renders instead; the request succeeds.
 *
 * @param <V> what the cache holds, decoded; the JCache cache holds its encoded form {@code E}
 */
public final class FailSafeCache<E, V> {

    private final String name;
    private final Cache<String, E> cache;
    private final Function<V, E> encode;
    private final Function<E, V> decode;
    private final CacheFailures failures;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /**
     * @param decode throws {@link IllegalArgumentException} (or anything) for an entry it cannot read;
     *               such an entry is removed, and counted as a failure unless it is an
     *               {@link OutdatedEntryException}
     */
    public FailSafeCache(String name, Cache<String, E> cache, Function<V, E> encode, Function<E, V> decode,
                         CacheFailures failures) {
        this.name = name;
        this.cache = cache;
        this.encode = encode;
        this.decode = decode;
        this.failures = failures;
    }

    /** The value, or {@code null} when it is not there or cannot be read. */
    public V get(String key) {
        E entry;
        try {
            entry = cache.get(key);
        } catch (RuntimeException e) {
            failures.record(name, "get", e);
            misses.increment();
            return null;
        }
        if (entry == null) {
            misses.increment();
            return null;
        }
        try {
            V value = decode.apply(entry);
            hits.increment();
            return value;
        } catch (OutdatedEntryException e) {
            remove(key);
            misses.increment();
            return null;
        } catch (RuntimeException e) {
            failures.record(name, "decode", e);
            remove(key);
            misses.increment();
            return null;
        }
    }

    /** Stores the value; a failure leaves the cache without it. */
    public void put(String key, V value) {
        try {
            cache.put(key, encode.apply(value));
        } catch (RuntimeException e) {
            failures.record(name, "put", e);
        }
    }

    /** Removes the key; returns whether it was there. */
    public boolean remove(String key) {
        try {
            return cache.remove(key);
        } catch (RuntimeException e) {
            failures.record(name, "remove", e);
            return false;
        }
    }

    /** Removes every key in the set. */
    public void removeAll(Set<String> keys) {
        try {
            cache.removeAll(keys);
        } catch (RuntimeException e) {
            failures.record(name, "removeAll", e);
        }
    }

    /**
     * Replaces the entry atomically with {@code change(current)} ({@code current} is null when absent).
     * When {@code change} returns {@code current} itself nothing is written: a disk tier would
     * otherwise rewrite an unchanged entry (the source index on every request that records a path).
     */
    public void update(String key, UnaryOperator<E> change) {
        try {
            cache.invoke(key, (entry, args) -> {
                E current = entry.exists() ? entry.getValue() : null;
                E next = change.apply(current);
                if (next != current) {
                    entry.setValue(next);
                }
                return null;
            });
        } catch (RuntimeException e) {
            failures.record(name, "update", e);
        }
    }

    /** Empties the cache. */
    public void clear() {
        try {
            cache.clear();
        } catch (RuntimeException e) {
            failures.record(name, "clear", e);
        }
    }

    public String name() {
        return name;
    }

    public Cache<String, E> jcache() {
        return cache;
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    public long failures() {
        return failures.count(name);
    }
}
