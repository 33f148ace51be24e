package io.thumbler.cache;

/**
 * {@code io.thumbler:type=Caches}: the numbers of Thumbler's caches and the operations operators
 * need. JCache's own per-cache statistics are next to it under {@code javax.cache:type=CacheStatistics}.
 */
public interface CachesMXBean {

    CacheCounters getRenditions();

    CacheCounters getOriginals();

    /** The cluster-shared rendition tier; all {@code -1} on a single node. */
    CacheCounters getClusterRenditions();

    /** Whether the caches are open (false when switched off or when they could not start). */
    boolean isEnabled();

    /**
     * Removes every cached variant and original of one source.
     *
     * @param source a source address as in a URL, e.g. {@code s3://bucket/photo.jpg}
     * @return what was removed
     */
    String purgeSource(String source);

    /** Empties one cache: {@code renditions}, {@code originals}, {@code source-facts}, {@code source-index} or {@code all}. */
    void clear(String cacheName);
}
