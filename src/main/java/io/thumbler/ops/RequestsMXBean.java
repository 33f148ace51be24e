package io.thumbler.ops;

import io.thumbler.jmx.Description;

/**
 * {@code io.thumbler:type=Requests}: every request the application answered, counted since it
 * started; latencies are over the last one to two minutes. Counts per status class are separate
 * attributes so that any JMX poller can alert on them without reading a table.
 *
 * <p>Alert on: the rate of {@code Responses5xx}, {@code InFlight} near the HTTP thread pool
 * size (64 in {@code server-config/}), {@code TotalMillisP99} near CloudFront's 30 s origin timeout.
 */
@Description("Every request the application answered, counted since it started")
public interface RequestsMXBean {

    @Description("Requests answered since the application started")
    long getTotal();

    /** Requests being answered now. */
    @Description("Requests being answered now")
    int getInFlight();

    @Description("Answers with a 2xx status")
    long getResponses2xx();

    @Description("Answers with a 3xx status (304 Not Modified included)")
    long getResponses3xx();

    @Description("Answers with a 4xx status")
    long getResponses4xx();

    @Description("Answers with a 5xx status (503 load shedding included)")
    long getResponses5xx();

    /** Answers served from Thumbler's own rendition cache. */
    @Description("Answers served from Thumbler's own rendition cache")
    long getCacheHits();

    /**
     * Of the cache hits and 304s, those answered in front of JAX-RS for a URL already verified and
     * known ({@code io.thumbler.thumbnails.CachedVariantFilter}): the cheap path every repeated URL
     * should take.
     */
    @Description("Of the cache hits and 304s, those answered in front of JAX-RS for a URL already verified and known (io.thumbler.thumbnails.CachedVariantFilter): the cheap path every repeated URL should take")
    long getCacheHitsBeforeJaxRs();

    /** URLs whose variant is known to be cached right now (at most {@code THUMBLER_CACHE_KNOWN_URLS}). */
    @Description("URLs whose variant is known to be cached right now (at most THUMBLER_CACHE_KNOWN_URLS)")
    int getKnownUrls();

    @Description("Requests whose variant was not in the rendition cache and was rendered for them")
    long getCacheMisses();

    /** Misses that waited for another request's render of the same variant. */
    @Description("Misses that waited for another request's render of the same variant")
    long getCacheCoalesced();

    @Description("Median time to answer, over the last one to two minutes (0 when idle)")
    long getTotalMillisP50();

    @Description("95th percentile of the time to answer, over the last one to two minutes (0 when idle)")
    long getTotalMillisP95();

    @Description("99th percentile of the time to answer, over the last one to two minutes (0 when idle)")
    long getTotalMillisP99();
}
