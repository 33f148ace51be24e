package io.thumbler.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.thumbler.error.ThumblerException;

/** Parses {@code https://} source addresses strictly: a host, no user info, an optional port. */
final class HttpsAddress {

    private HttpsAddress() {
    }

    static SourceUri parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw ThumblerException.badRequest("source '" + text + "' is not a valid URL: " + e.getReason());
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw ThumblerException.badRequest("source '" + text + "' must use https");
        }
        if (uri.getRawUserInfo() != null) {
            throw ThumblerException.badRequest("source '" + text + "' must not carry user info before the host");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw ThumblerException.badRequest("source '" + text + "' has no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        String authority = uri.getPort() < 0 ? host : host + ":" + uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String key = path.substring(1) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new SourceUri(SourceUri.Scheme.HTTPS, authority, key, text);
    }
}
