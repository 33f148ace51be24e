package io.thumbler.source;

import java.util.Locale;

import io.thumbler.error.ThumblerException;

/**
 * A parsed, grammar-checked source address.
 *
 * <ul>
 *   <li>{@code local:///path/to/file.jpg} — {@code authority} empty, {@code key} {@code path/to/file.jpg}</li>
 *   <li>{@code s3://bucket/path/to/key} — {@code authority} the bucket</li>
 *   <li>{@code https://host[:port]/path?query} — {@code authority} the host, {@code key} the path and query</li>
 * </ul>
 *
 * @param scheme    the kind of origin
 * @param authority bucket or host; empty for local
 * @param key       object key or path, without the leading slash
 * @param text      the address as written, for messages and cache keys
 */
public record SourceUri(Scheme scheme, String authority, String key, String text) {

    /** Keys longer than this are refused: S3 allows 1024 bytes; nothing real is longer. */
    public static final int MAX_KEY_LENGTH = 1024;

    /** The kinds of origin Thumbler knows. */
    public enum Scheme {
        LOCAL, S3, HTTPS;

        public String urlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Parses and checks a decoded source address.
     *
     * @throws ThumblerException 400 naming the bad part
     */
    public static SourceUri parse(String text) {
        if (text.startsWith("local:///")) {
            String key = text.substring("local:///".length());
            KeyGrammar.check(text, key);
            return new SourceUri(Scheme.LOCAL, "", key, text);
        }
        if (text.startsWith("s3://")) {
            String rest = text.substring("s3://".length());
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                throw ThumblerException.badRequest("source '" + text + "' must have the form s3://bucket/key");
            }
            String bucket = rest.substring(0, slash);
            if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
                throw ThumblerException.badRequest("source '" + text + "': '" + bucket + "' is not a valid S3 bucket name");
            }
            String key = rest.substring(slash + 1);
            KeyGrammar.check(text, key);
            return new SourceUri(Scheme.S3, bucket, key, text);
        }
        if (text.regionMatches(true, 0, "https://", 0, "https://".length())) {
            return HttpsAddress.parse(text);
        }
        int colon = text.indexOf(':');
        String scheme = colon > 0 && colon < 12 ? text.substring(0, colon) : text.length() > 40 ? text.substring(0, 40) + "..." : text;
        throw ThumblerException.badRequest("source '" + (text.length() > 80 ? text.substring(0, 77) + "..." : text)
                + "' has an unsupported scheme '" + scheme + "'; use local:///, s3:// or https://");
    }

    @Override
    public String toString() {
        return text;
    }
}
