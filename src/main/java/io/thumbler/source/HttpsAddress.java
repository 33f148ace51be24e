package io.thumbler.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import io.thumbler.error.ThumblerException;

/**
 * Parses {@code https://} source addresses strictly: a host, no user info, an optional port, a path
 * without dot segments.
 *
 * <p>A host made only of numbers is accepted only as a canonical dotted quad: {@code 2130706433},
 * {@code 0x7f.1} and {@code 0177.0.0.1} mean 127.0.0.1 to some resolvers and other addresses (or
 * nothing) to others, and a check is only as good as its agreement with the connector.
 * The path keeps its own percent-encoding (it is the origin's URL); only its dot segments, raw or
 * encoded, are refused, because the origin would normalise them away from the path that was allowed.
 */
final class HttpsAddress {

    private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)[0-9a-fx.]+");
    private static final Pattern CANONICAL_IPV4 =
            Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern DOT_SEGMENT = Pattern.compile("(?i)(^|/)(\\.|%2e){1,2}(/|$|\\?)");

    private HttpsAddress() {
    }

    static SourceUri parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw ThumblerException.badRequest("source '" + KeyGrammar.shown(text) + "' is not a valid URL: " + e.getReason());
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw ThumblerException.badRequest("source '" + text + "' must use https");
        }
        if (uri.getRawUserInfo() != null) {
            throw ThumblerException.badRequest("source '" + text + "' must not carry user info before the host");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw ThumblerException.badRequest("source '" + text + "' has no host (or a host that is not a valid name)");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (!host.startsWith("[") && digitsOnly(host) && !CANONICAL_IPV4.matcher(host).matches()) {
            throw ThumblerException.badRequest("source '" + text + "': host '" + host
                    + "' is a numeric address that is not a canonical dotted quad");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (DOT_SEGMENT.matcher(path).find()) {
            throw ThumblerException.badRequest("source '" + text + "' has a '.' or '..' path segment");
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c")) {
            // an origin that decodes these would see other path segments than the allow-list saw
            throw ThumblerException.badRequest("source '" + text + "' has an encoded '/' or '\\' in its path");
        }
        if (path.contains("//")) {
            throw ThumblerException.badRequest("source '" + text + "' contains an empty path segment ('//')");
        }
        String authority = uri.getPort() < 0 ? host : host + ":" + uri.getPort();
        String key = path.substring(1) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new SourceUri(SourceUri.Scheme.HTTPS, authority, key, text);
    }

    /** True for hosts every label of which could be read as a number (decimal, octal or hex). */
    private static boolean digitsOnly(String host) {
        if (!NUMERIC_HOST.matcher(host).matches()) {
            return false;
        }
        for (String label : host.split("\\.")) {
            if (!label.isEmpty() && !label.matches("[0-9]+|(?i)0x[0-9a-f]*")) {
                return false;
            }
        }
        return true;
    }
}
