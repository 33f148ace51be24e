package io.thumbler.ops;

import io.thumbler.jmx.Description;

/**
 * {@code io.thumbler:type=Requests}: every request the application answered, counted since it
 * started; latencies are over the last one to two minutes, in milliseconds, and {@code NaN} when
 * that time saw no request. Counts per status class are separate attributes so that any JMX poller
 * can alert on them without reading a table.
 *
 * <p>The cache attributes count requests ({@code RequestsHit}, {@code RequestsMissed},
 * {@code RequestsCoalesced}): what the rendition cache meant for each answer. They are not the
 * lookups of {@code io.thumbler:type=Caches} ({@code lookupHits}, {@code lookupMisses} per cache,
 * where one request may look up more than one cache), nor JCache's {@code CacheHits}/{@code
 * CacheMisses} under {@code javax.cache:type=CacheStatistics}.
 *
 * <p>Alert on: the rate of {@code Responses5xx}, {@code InFlight} near the HTTP thread pool
 * size (64 in {@code server-config/}), {@code TotalMillisP99} near CloudFront's 30 s origin timeout.
 */
@Description("Every request the application answered, counted since it started")
public interface RequestsMXBean {

    @Description("Requests answered since the application started")
    long getTotal();

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

    @Description("Requests answered from Thumbler's rendition cache (per request, not per cache lookup)")
    long getRequestsHit();

    /**
     * Of the hits and 304s, those answered in front of JAX-RS for a URL already verified and known
     * ({@code io.thumbler.thumbnails.CachedVariantFilter}): the cheap path every repeated URL should take.
     */
    @Description("Of the requests answered from the cache and the 304s, those answered in front of JAX-RS for a URL already verified and known (io.thumbler.thumbnails.CachedVariantFilter): the cheap path every repeated URL should take")
    long getRequestsHitBeforeJaxRs();

    @Description("URLs whose variant is known to be cached right now (at most THUMBLER_CACHE_KNOWN_URLS)")
    int getKnownUrls();

    @Description("Requests whose variant was not in the rendition cache and was rendered for them (per request, not per cache lookup)")
    long getRequestsMissed();

    @Description("Requests that missed the rendition cache and waited for another request's render of the same variant")
    long getRequestsCoalesced();

    @Description("Median time to answer in ms, over the last one to two minutes (NaN when none)")
    double getTotalMillisP50();

    @Description("95th percentile of the time to answer in ms, over the last one to two minutes (NaN when none)")
    double getTotalMillisP95();

    @Description("99th percentile of the time to answer in ms, over the last one to two minutes (NaN when none)")
    double getTotalMillisP99();
}
