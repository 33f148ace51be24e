package io.thumbler.cache;

import io.thumbler.jmx.Description;
import io.thumbler.jmx.Name;

/**
 * {@code io.thumbler:type=Caches}: the numbers of Thumbler's caches and the operations operators
 * need. JCache's own per-cache statistics are next to it under {@code javax.cache:type=CacheStatistics}.
 */
@Description("Thumbler's caches: tier counters, purge by source, clear")
public interface CachesMXBean {

    @Description("The rendition cache on this node: lookup hits and misses, coalesced waits, renders, tier failures, evictions, entries and bytes of the largest tier")
    CacheCounters getRenditions();

    @Description("The original cache on this node: lookup hits and misses, coalesced waits, fetches, tier failures, evictions, entries and bytes of the largest tier")
    CacheCounters getOriginals();

    /** The cluster-shared rendition tier; all {@code -1} on a single node. */
    @Description("The cluster-shared rendition tier (Payara's Data Grid): lookup hits and misses, failures; -1 where not known and everywhere on a single node")
    CacheCounters getClusterRenditions();

    @Description("Purges and clears this node sent to the other nodes of the Data Grid since start")
    long getPurgesSentToOtherNodes();

    @Description("Purges and clears this node applied on another node's word since start")
    long getPurgesFromOtherNodes();

    /** Whether the caches are open (false when switched off or when they could not start). */
    @Description("Whether the caches are open: false when switched off or when they could not start")
    boolean isEnabled();

    @Description("open: where the disk tier is; off: switched off; failed: why the caches could not open (Thumbler then renders every request)")
    String getState();

    /**
     * Removes every cached variant and original of one source.
     *
     * @param source a source address as in a URL, e.g. {@code s3://bucket/photo.jpg}
     * @return what was removed
     */
    @Description("Removes every cached variant, original and remembered version of one source, on this node and (clustered) on every other node; answers how many entries went here and whether the other nodes were told")
    String purgeSource(@Name("source") @Description("A source address as in a URL, e.g. s3://bucket/photo.jpg or local:///cat.jpg") String source);

    /** Empties one cache: {@code renditions}, {@code originals}, {@code source-facts}, {@code source-index} or {@code all}. */
    @Description("Empties one cache on this node and (clustered) on every other node")
    void clear(@Name("cache") @Description("renditions, originals, source-facts, source-index or all") String cacheName);
}
