package io.thumbler.http;

import java.util.Set;

/**
 * A request path with the signature segment removed, for logs: the signature is unique per URL
 * and says nothing an operator needs, while the options and the source do.
 *
 * <p>In every URL Thumbler renders the first segment is the signature ({@code /info/} URLs: the
 * second). Paths of one segment and the unsigned routes below are kept as they are.
 */
public final class SignaturelessPath {

    /** First segments of routes that carry no signature. */
    static final Set<String> UNSIGNED_ROUTES = Set.of("admin", "playground", "favicon.ico", "robots.txt");

    private SignaturelessPath() {
    }

    /** @param rawPath the path inside the application, starting with {@code /}, not decoded */
    public static String of(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        String path = rawPath.startsWith("/") ? rawPath : "/" + rawPath;
        int firstEnd = path.indexOf('/', 1);
        if (firstEnd < 0) {
            return path;
        }
        String first = path.substring(1, firstEnd);
        if (UNSIGNED_ROUTES.contains(first)) {
            return path;
        }
        if (first.equals("info")) {
            return "/info" + dropFirstSegment(path.substring(firstEnd));
        }
        return dropFirstSegment(path);
    }

    /** {@code /a/b/c} → {@code /b/c}; {@code /a/} → {@code /}. */
    private static String dropFirstSegment(String path) {
        int next = path.indexOf('/', 1);
        return next < 0 ? "/" : path.substring(next);
    }
}
