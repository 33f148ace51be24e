package io.thumbler.ops;

/**
 * {@code io.thumbler:type=Requests}: every request the application answered, counted since it
 * started; latencies are over the last one to two minutes. Counts per status class are separate
 * attributes so that any JMX poller can alert on them without reading a table.
 *
 * <p>Alert on: the rate of {@code Responses5xx}, {@code InFlight} near the HTTP thread pool
 * size (64 in {@code server-config/}), {@code TotalMillisP99} near CloudFront's 30 s origin timeout.
 */
public interface RequestsMXBean {

    long getTotal();

    /** Requests being answered now. */
    int getInFlight();

    long getResponses2xx();

    long getResponses3xx();

    long getResponses4xx();

    long getResponses5xx();

    /** Answers served from Thumbler's own rendition cache. */
    long getCacheHits();

    /**
     * Of the cache hits and 304s, those answered in front of JAX-RS for a URL already verified and
     * known ({@code io.thumbler.thumbnails.CachedVariantFilter}): the cheap path every repeated URL
     * should take.
     */
    long getCacheHitsBeforeJaxRs();

    /** URLs whose variant is known to be cached right now (at most {@code THUMBLER_CACHE_KNOWN_URLS}). */
    int getKnownUrls();

    long getCacheMisses();

    /** Misses that waited for another request's render of the same variant. */
    long getCacheCoalesced();

    long getTotalMillisP50();

    long getTotalMillisP95();

    long getTotalMillisP99();
}
