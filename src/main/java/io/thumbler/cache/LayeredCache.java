package io.thumbler.cache;

import java.util.Set;

/**
 * The local cache with, in clustered mode, a cluster-shared cache behind it: a variant rendered on
 * one node is found by the others in the shared tier and copied into their local tiers on the way.
 * Both layers are {@link FailSafeCache}s, so a lost cluster member is a miss, not an error.
 *
 * @param <V> the decoded value
 */
public final class LayeredCache<V> {

    private final FailSafeCache<byte[], V> local;
    private final FailSafeCache<byte[], V> shared;

    /** @param shared the cluster tier, or {@code null} on a single node */
    public LayeredCache(FailSafeCache<byte[], V> local, FailSafeCache<byte[], V> shared) {
        this.local = local;
        this.shared = shared;
    }

    /** The value from the nearest layer that has it, or {@code null}. */
    public V get(String key) {
        return get(key, () -> { });
    }

    /**
     * Like {@link #get(String)}.
     *
     * @param copied runs when the value came from the shared tier and was copied into the local one,
     *               so that the caller can index the key: a purge must find the local copy too
     */
    public V get(String key, Runnable copied) {
        V value = local.get(key);
        if (value == null && shared != null) {
            value = shared.get(key);
            if (value != null) {
                local.put(key, value);
                copied.run();
            }
        }
        return value;
    }

    public void put(String key, V value) {
        local.put(key, value);
        if (shared != null) {
            shared.put(key, value);
        }
    }

    public void removeAll(Set<String> keys) {
        local.removeAll(keys);
        if (shared != null) {
            shared.removeAll(keys);
        }
    }

    public void clear() {
        local.clear();
        if (shared != null) {
            shared.clear();
        }
    }

    public FailSafeCache<byte[], V> local() {
        return local;
    }

    /** The cluster tier, or {@code null}. */
    public FailSafeCache<byte[], V> shared() {
        return shared;
    }
}
