/**
 * What every HTTP response of Thumbler shares: the JAX-RS application, the mapping of errors to a
 * status with a plain-text message that names the bad input and a deliberate {@code Cache-Control}
 * per status, caching headers for CDNs, and the {@code Server-Timing} header that shows where a
 * request's time went; and the servlet filters around every request: observation (access log,
 * in-flight count, the {@link io.thumbler.http.RequestCompleted} event) and the CDN origin-secret
 * check. {@code io.thumbler.thumbnails.ServletFilters} registers them, in that order, in front of
 * the filter that answers cache hits.
 */
package io.thumbler.http;
