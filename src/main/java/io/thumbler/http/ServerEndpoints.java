package io.thumbler.http;

/**
 * Payara's own MicroProfile endpoints ({@code /health…}, {@code /metrics…}, {@code /openapi}).
 * With Thumbler deployed at the root context they pass through the application's servlet filters
 * (verified on Payara Micro 6.2025.10), yet they are not Thumbler's requests: they are not logged
 * or counted, and a load balancer or a Prometheus scraper needs no CDN secret to reach them.
 */
final class ServerEndpoints {

    private ServerEndpoints() {
    }

    /** @param path the path inside the application, starting with {@code /} */
    static boolean isServerEndpoint(String path) {
        return is(path, "/health") || is(path, "/metrics") || is(path, "/openapi");
    }

    private static boolean is(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/'
                || path.charAt(prefix.length()) == '?');
    }

    static String pathInApplication(jakarta.servlet.http.HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
