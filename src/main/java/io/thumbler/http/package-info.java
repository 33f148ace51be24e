/**
 * What every HTTP response of Thumbler shares: the JAX-RS application, the mapping of errors to a
 * status with a plain-text message that names the bad input and a deliberate {@code Cache-Control}
 * per status, caching headers for CDNs, and the {@code Server-Timing} header that shows where a
 * request's time went; and the servlet filters around every request: observation (access log,
 * in-flight count, the {@link io.thumbler.http.RequestCompleted} event) and the CDN origin-secret
 * check, registered in that order by {@link io.thumbler.http.HttpFilters}.
 */
package io.thumbler.http;
