package io.thumbler.thumbnails;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.thumbler.error.ThumblerException;
import io.thumbler.http.ErrorCaching;

/**
 * Refuses, before JAX-RS, a request that surely needs a render while every render slot and queue
 * place is taken: the same 503 with {@code Retry-After} the render slots would give after the whole
 * request flow. Under a burst of distinct misses that flow (JAX-RS dispatch, CDI, exception mapping)
 * was most of a refusal's cost, and hundreds of refusals queued for the two cores behind it.
 *
 * <p>Only sure misses are shed: the URL's signature, options and expiry are checked, its source's
 * version is remembered and fresh, and its variant is not in the rendition cache
 * ({@link Thumbnailer#certainMiss}). Cached variants, sources not known yet and bad URLs go on to
 * JAX-RS as always, so overload never turns a hit or a 4xx into a 503. When the pool has room the
 * filter costs one question to the pool (two counters read).
 */
public class MissSheddingFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Whether a request for {@code signature}/{@code path} with this {@code Accept} surely needs a render. */
    @FunctionalInterface
    public interface CertainMiss {
        boolean test(String signature, String path, String accept);
    }

    private final transient BooleanSupplier saturated;
    private final transient Runnable refuseIfFull;
    private final transient CertainMiss certainMiss;

    /**
     * @param saturated    whether every render slot and queue place is taken (or the server is stopping)
     * @param refuseIfFull throws the render slots' {@link ThumblerException} (503) when it is full
     */
    public MissSheddingFilter(BooleanSupplier saturated, Runnable refuseIfFull, CertainMiss certainMiss) {
        this.saturated = saturated;
        this.refuseIfFull = refuseIfFull;
        this.certainMiss = certainMiss;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        if (("GET".equals(method) || "HEAD".equals(method)) && saturated.getAsBoolean() && sureMiss(request)) {
            try {
                refuseIfFull.run();
            } catch (ThumblerException refused) {
                refuse(response, refused);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private boolean sureMiss(HttpServletRequest request) {
        RawPath raw;
        try {
            raw = RawPath.of(request.getRequestURI(), request.getContextPath(), 0);
        } catch (ThumblerException notAnImagePath) {
            return false;
        }
        return certainMiss.test(raw.signature(), raw.afterSignature(), request.getHeader("Accept"));
    }

    /** The answer {@code ThumblerExceptionMapper} gives a 503, written without JAX-RS. */
    private static void refuse(HttpServletResponse response, ThumblerException refused) throws IOException {
        byte[] body = (refused.publicMessage() + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(refused.status());
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", ErrorCaching.cacheControl(refused.status()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Retry-After", Integer.toString(Math.max(1, refused.retryAfterSeconds())));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
