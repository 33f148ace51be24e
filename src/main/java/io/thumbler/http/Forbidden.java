package io.thumbler.http;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The 403 a servlet filter sends before JAX-RS: plain text, never kept by a cache (the same
 * client may be right on its next request), never sniffed into another type.
 */
final class Forbidden {

    private Forbidden() {
    }

    static void answer(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(message + "\n");
    }
}
