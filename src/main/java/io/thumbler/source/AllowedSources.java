package io.thumbler.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The HTTPS origins a deployment may fetch from ({@code THUMBLER_ALLOWED_SOURCES}), matched by
 * parsed components, never by string prefix: {@code https://allowed.example@evil.example/} names
 * the host {@code evil.example} and does not match {@code allowed.example}.
 *
 * <p>An entry is a host ({@code images.example.com}), a host and port ({@code images.example.com:8443}),
 * or imgproxy's URL-prefix form ({@code https://images.example.com/} or
 * {@code https://images.example.com/public/}; a path prefix must end with '/', so {@code /public}
 * cannot match {@code /public-secrets/}). Hosts match exactly, case-insensitively; there are no
 * wildcards. Without a port an entry means 443.
 */
public final class AllowedSources {

    private record Entry(String host, int port, String pathPrefix) {
    }

    private final List<Entry> entries;

    private AllowedSources(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @throws IllegalArgumentException naming the entry that cannot be used
     */
    public static AllowedSources parse(List<String> texts) {
        List<Entry> entries = new ArrayList<>();
        for (String text : texts) {
            entries.add(entry(text));
        }
        return new AllowedSources(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** True when the address's host, port and path fall under one entry. */
    public boolean allows(SourceUri uri) {
        String host = hostOf(uri.authority());
        int port = portOf(uri.authority());
        String path = "/" + uri.key();
        for (Entry e : entries) {
            if (e.host.equals(host) && e.port == port && path.startsWith(e.pathPrefix)) {
                return true;
            }
        }
        return false;
    }

    private static Entry entry(String text) {
        if (text.contains("*")) {
            throw new IllegalArgumentException("'" + text + "': wildcards are not supported; list each host");
        }
        boolean urlForm = text.contains("://");
        URI uri;
        try {
            uri = new URI(urlForm ? text : "https://" + text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a host or an https:// URL prefix: " + e.getReason());
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("'" + text + "': only https origins can be allowed");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + text + "' must be a host, host:port or https://host[:port]/path/ prefix");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!urlForm && !path.equals("/")) {
            throw new IllegalArgumentException("'" + text + "': write a path prefix as https://host/path/");
        }
        if (!path.endsWith("/")) {
            throw new IllegalArgumentException("'" + text + "': a path prefix must end with '/'");
        }
        return new Entry(uri.getHost().toLowerCase(Locale.ROOT), uri.getPort() < 0 ? 443 : uri.getPort(), path);
    }

    /** The host part of an authority as {@link HttpsAddress} writes it: {@code host}, {@code host:port}, {@code [v6]:port}. */
    static String hostOf(String authority) {
        int colon = authority.lastIndexOf(':');
        boolean hasPort = colon > authority.lastIndexOf(']');
        return hasPort ? authority.substring(0, colon) : authority;
    }

    static int portOf(String authority) {
        int colon = authority.lastIndexOf(':');
        boolean hasPort = colon > authority.lastIndexOf(']');
        return hasPort ? Integer.parseInt(authority.substring(colon + 1)) : 443;
    }

    @Override
    public String toString() {
        return entries.stream().map(e -> "https://" + e.host + (e.port == 443 ? "" : ":" + e.port) + e.pathPrefix).toList().toString();
    }
}
