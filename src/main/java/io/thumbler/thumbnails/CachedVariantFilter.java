package io.thumbler.thumbnails;

import java.io.IOException;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.thumbler.cache.CachedRendition;
import io.thumbler.http.CacheHeaders;
import io.thumbler.http.RequestTimings;

/**
 * Answers cache hits before JAX-RS: a {@code GET} or {@code HEAD} whose exact URL is in {@link
 * KnownVariants} gets the variant's bytes from the rendition cache (or a 304 when {@code
 * If-None-Match} names its ETag) with the same headers {@link ThumbnailsResource} sends. Everything
 * else, and any known URL whose rendition is no longer cached, passes on to JAX-RS, which stays the
 * one place that verifies signatures, parses options and renders.
 *
 * <p>Why a filter: on this stack a JAX-RS dispatch (Jersey, HK2 injection, CDI request context,
 * tracing listeners) costs several times more CPU than the servlet container's own work for a
 * cached 20 KB answer, and a hit needs none of it: the URL was verified when it was entered and
 * stays valid as long as its entry (see {@link KnownVariants}). It runs after the observation and
 * origin-secret filters, so hits are logged, counted and refused without the CDN's secret exactly
 * as the JAX-RS path is.
 */
public class CachedVariantFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final transient KnownVariants known;
    private final transient Function<String, CachedRendition> renditions;
    private final transient CacheHeaders cacheHeaders;

    /** @param renditions the rendition cache's lookup by key; {@code null} when not cached */
    public CachedVariantFilter(KnownVariants known, Function<String, CachedRendition> renditions, CacheHeaders cacheHeaders) {
        this.known = known;
        this.renditions = renditions;
        this.cacheHeaders = cacheHeaders;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        KnownVariant v = head || "GET".equals(method)
                ? known.find(request.getRequestURI(), request.getHeader("Accept"), System.currentTimeMillis())
                : null;
        if (v == null) {
            chain.doFilter(request, response);
            return;
        }
        RequestTimings timings = new RequestTimings();
        if (CacheHeaders.matches(request.getHeader("If-None-Match"), v.etag())) {
            answer(request, response, timings, HttpServletResponse.SC_NOT_MODIFIED, v);
            return;
        }
        CachedRendition r = timings.time("lookup", () -> renditions.apply(v.renditionKey()));
        if (r == null) {
            known.forget(request.getRequestURI(), request.getHeader("Accept"), v);
            chain.doFilter(request, response);
            return;
        }
        response.setContentType(v.contentType());
        response.setHeader("Content-Disposition", v.contentDisposition());
        response.setContentLength(r.length());
        answer(request, response, timings, HttpServletResponse.SC_OK, v);
        if (!head) {
            r.writeTo(response.getOutputStream());
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, RequestTimings timings, int status,
                        KnownVariant v) {
        timings.cacheStatus("hit");
        // The observation filter reads the cache state and timings from here for the access log and metrics.
        request.setAttribute(RequestTimings.ATTRIBUTE, timings);
        response.setStatus(status);
        cacheHeaders.variant(response::setHeader, v.lastModified(), v.expires(), v.etag(), v.varyAccept());
        response.setHeader("Server-Timing", timings.header());
        known.countServed();
    }
}
