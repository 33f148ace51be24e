package io.thumbler.http;

/**
 * One finished request as the access log and the operations views see it; fired as a CDI event by
 * {@link RequestObservationFilter} after the response was written.
 *
 * @param method       HTTP method
 * @param path         the raw request path inside the application, without the signature segment
 *                     and without the query (see {@link SignaturelessPath})
 * @param status       the response status
 * @param bytes        body bytes written
 * @param cacheStatus  {@code hit}, {@code miss} or {@code coalesced}; {@code null} when no cache
 *                     lookup happened
 * @param fetchMillis  time spent fetching the original; 0 when none was fetched
 * @param renderMillis time spent waiting for a render slot and rendering; 0 when nothing rendered
 * @param totalMillis  time from the first filter to the last byte
 */
public record RequestCompleted(String method, String path, int status, long bytes, String cacheStatus,
                               double fetchMillis, double renderMillis, double totalMillis) {

    /** Whether the request fetched (or tried to fetch) an original. */
    public boolean fetched() {
        return fetchMillis > 0;
    }

    /** Whether the request reached the render slots. */
    public boolean rendered() {
        return renderMillis > 0;
    }

    /** {@code 2xx}, {@code 3xx}, {@code 4xx} or {@code 5xx}. */
    public String statusClass() {
        return (status / 100) + "xx";
    }
}
