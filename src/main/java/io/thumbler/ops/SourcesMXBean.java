package io.thumbler.ops;

import java.util.Map;

import io.thumbler.jmx.Description;

/**
 * {@code io.thumbler:type=Sources}: fetches of originals as the requests saw them, counted since
 * the application started; latencies are over the last one to two minutes, in milliseconds, and
 * {@code NaN} when that time saw no fetch. A source error is a
 * request that fetched (or tried to fetch) an original and failed before rendering: the origin
 * refused or lacked it (403/404), was slow (504) or down (502/503), or the original was rejected
 * by the header check (415/422).
 *
 * <p>Alert on: a rising {@code FetchErrors}, {@code ErrorsByStatus} 5xx entries (an origin is
 * down or slow), {@code FetchMillisP95} near the source timeout.
 */
@Description("Fetches of originals as the requests saw them, counted since the application started")
public interface SourcesMXBean {

    /** Requests that fetched an original (the cache did not have the variant). */
    @Description("Requests that fetched an original (the cache did not have the variant)")
    long getFetches();

    /** Fetches per source kind: {@code local}, {@code s3}, {@code https}. */
    @Description("Fetches per source kind: local, s3, https")
    Map<String, Long> getFetchesByKind();

    /** Source errors, all kinds. */
    @Description("Source errors, all kinds")
    long getFetchErrors();

    /** Source errors per HTTP status of the answer, e.g. {@code 404}, {@code 504}. */
    @Description("Source errors per HTTP status of the answer, e.g. 404, 504")
    Map<String, Long> getErrorsByStatus();

    /** Source errors per source kind. */
    @Description("Source errors per source kind")
    Map<String, Long> getErrorsByKind();

    /** Each origin kind with a circuit breaker ({@code s3}) and its state. */
    @Description("S3's circuit breaker: closed (calls pass), open (503 without calling S3), half-open (the next call is a trial); empty when S3 is off")
    Map<String, String> getCircuits();

    @Description("Median time to fetch an original in ms, over the last one to two minutes (NaN when none)")
    double getFetchMillisP50();

    @Description("95th percentile of the time to fetch an original in ms, over the last one to two minutes (NaN when none)")
    double getFetchMillisP95();

    @Description("99th percentile of the time to fetch an original in ms, over the last one to two minutes (NaN when none)")
    double getFetchMillisP99();
}
