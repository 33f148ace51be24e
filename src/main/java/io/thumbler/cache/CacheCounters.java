package io.thumbler.cache;

import java.beans.ConstructorProperties;

/**
 * One cache's numbers as JMX shows them (an open-type composite of the {@link CachesMXBean}).
 * {@code -1} means "not known": Ehcache's tier statistics could not be read, or the cache is off.
 */
public final class CacheCounters {

    private final long hits;
    private final long misses;
    private final long coalesced;
    private final long loads;
    private final long failures;
    private final long evictions;
    private final long entries;
    private final long bytes;

    @ConstructorProperties({"hits", "misses", "coalesced", "loads", "failures", "evictions", "entries", "bytes"})
    public CacheCounters(long hits, long misses, long coalesced, long loads, long failures, long evictions,
                         long entries, long bytes) {
        this.hits = hits;
        this.misses = misses;
        this.coalesced = coalesced;
        this.loads = loads;
        this.failures = failures;
        this.evictions = evictions;
        this.entries = entries;
        this.bytes = bytes;
    }

    /** Lookups answered by the cache. */
    public long getHits() {
        return hits;
    }

    /** Lookups the cache could not answer (failures included). */
    public long getMisses() {
        return misses;
    }

    /** Requests that waited for another request's load instead of loading. */
    public long getCoalesced() {
        return coalesced;
    }

    /** Loads: renders for renditions, fetches from the origin for originals. */
    public long getLoads() {
        return loads;
    }

    /** Tier failures answered as misses. */
    public long getFailures() {
        return failures;
    }

    /** Entries Ehcache evicted to make room. */
    public long getEvictions() {
        return evictions;
    }

    /** Entries in the cache's largest tier. */
    public long getEntries() {
        return entries;
    }

    /** Bytes those entries occupy in that tier. */
    public long getBytes() {
        return bytes;
    }
}
