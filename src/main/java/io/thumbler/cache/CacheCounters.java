package io.thumbler.cache;

import java.beans.ConstructorProperties;

/**
 * One cache's numbers as JMX shows them (an open-type composite of the {@link CachesMXBean}).
 * {@code -1} means "not known": Ehcache's tier statistics could not be read, or the cache is off.
 *
 * <p>Hits and misses here are lookups in this cache's tiers, hence {@code lookupHits} and
 * {@code lookupMisses}: one request can look up several caches, and a failed tier counts as a miss.
 * Per request outcomes are {@code RequestsHit}/{@code RequestsMissed} of
 * {@code io.thumbler:type=Requests}; JCache's own {@code CacheHits}/{@code CacheMisses} are under
 * {@code javax.cache:type=CacheStatistics}.
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

    @ConstructorProperties({"lookupHits", "lookupMisses", "coalesced", "loads", "failures", "evictions", "entries", "bytes"})
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
    public long getLookupHits() {
        return hits;
    }

    /** Lookups the cache could not answer (failures included). */
    public long getLookupMisses() {
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
