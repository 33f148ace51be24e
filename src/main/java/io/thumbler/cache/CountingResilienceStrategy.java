package io.thumbler.cache;

import org.ehcache.impl.internal.resilience.RobustResilienceStrategy;
import org.ehcache.spi.resilience.RecoveryStore;
import org.ehcache.spi.resilience.StoreAccessException;

/**
 * Ehcache's robust strategy (a failing store answers a miss and the key is dropped from every tier,
 * so nothing stale survives a failed write), plus a count and a log line for each failure: Ehcache
 * absorbs tier failures (disk full, corrupt file) inside itself, where no wrapper could see them.
 *
 * <p>Ehcache instantiates it per cache with the arguments given in {@link
 * CacheManagerConfiguration} followed by the cache's recovery store.
 */
public class CountingResilienceStrategy<K, V> extends RobustResilienceStrategy<K, V> {

    private final CacheFailures failures;
    private final String cache;

    public CountingResilienceStrategy(CacheFailures failures, String cache, RecoveryStore<K> store) {
        super(store);
        this.failures = failures;
        this.cache = cache;
    }

    @Override
    public V getFailure(K key, StoreAccessException e) {
        failures.record(cache, "get", e);
        return super.getFailure(key, e);
    }

    @Override
    public boolean containsKeyFailure(K key, StoreAccessException e) {
        failures.record(cache, "containsKey", e);
        return super.containsKeyFailure(key, e);
    }

    @Override
    public void putFailure(K key, V value, StoreAccessException e) {
        failures.record(cache, "put", e);
        super.putFailure(key, value, e);
    }

    @Override
    public void removeFailure(K key, StoreAccessException e) {
        failures.record(cache, "remove", e);
        super.removeFailure(key, e);
    }

    @Override
    public void clearFailure(StoreAccessException e) {
        failures.record(cache, "clear", e);
        super.clearFailure(e);
    }

    @Override
    public V putIfAbsentFailure(K key, V value, StoreAccessException e) {
        failures.record(cache, "putIfAbsent", e);
        return super.putIfAbsentFailure(key, value, e);
    }

    @Override
    public V replaceFailure(K key, V value, StoreAccessException e) {
        failures.record(cache, "replace", e);
        return super.replaceFailure(key, value, e);
    }
}
