package io.thumbler.http;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who asked, as the access log records it: the peer's address, the addresses a proxy or CDN says
 * it forwarded for, the user agent and the request id a CDN gave the request.
 *
 * @param address      the TCP peer (CloudFront's edge or the load balancer when behind one)
 * @param forwardedFor {@code CloudFront-Viewer-Address} when CloudFront sends it (the viewer's
 *                     address and port), else {@code X-Forwarded-For} as received; {@code null}
 *                     when neither is present. Recorded, never trusted for any decision.
 * @param userAgent    {@code User-Agent}, or {@code null}
 * @param requestId    {@code X-Amz-Cf-Id} (CloudFront's id, which its own logs carry), else
 *                     {@code X-Request-Id}; {@code null} when neither is present
 */
public record Caller(String address, String forwardedFor, String userAgent, String requestId) {

    /** Longest header value kept: a log line must not grow with whatever a client sends. */
    static final int MAX_HEADER_CHARS = 256;

    public static Caller of(HttpServletRequest request) {
        return new Caller(request.getRemoteAddr(),
                header(request, "CloudFront-Viewer-Address", "X-Forwarded-For"),
                header(request, "User-Agent", null),
                header(request, "X-Amz-Cf-Id", "X-Request-Id"));
    }

    private static String header(HttpServletRequest request, String name, String fallback) {
        String v = request.getHeader(name);
        if (v == null && fallback != null) {
            v = request.getHeader(fallback);
        }
        if (v == null || v.isEmpty()) {
            return null;
        }
        return v.length() > MAX_HEADER_CHARS ? v.substring(0, MAX_HEADER_CHARS) + "…" : v;
    }
}
