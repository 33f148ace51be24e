package io.thumbler.source;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import io.thumbler.error.ThumblerException;

/**
 * A parsed, grammar-checked source address.
 *
 * <ul>
 *   <li>{@code local:///path/to/file.jpg} — {@code authority} empty, {@code key} {@code path/to/file.jpg}</li>
 *   <li>{@code s3://bucket/path/to/key[?versionId=ID]} — {@code authority} the bucket, {@code versionId}
 *       the object version when one is named (see {@link S3Address})</li>
 *   <li>{@code https://host[:port]/path?query} — {@code authority} the host, {@code key} the path and query</li>
 * </ul>
 *
 * @param scheme    the kind of origin
 * @param authority bucket or host; empty for local
 * @param key       object key or path, without the leading slash
 * @param text      the address as written, for messages and cache keys
 * @param versionId the S3 object version named by the address; empty for the latest version and
 *                  for the other kinds
 */
public record SourceUri(Scheme scheme, String authority, String key, String text, Optional<String> versionId) {

    /** Keys longer than this many UTF-8 bytes are refused: S3's own limit; nothing real is longer. */
    public static final int MAX_KEY_LENGTH = 1024;

    public SourceUri {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(versionId, "versionId");
    }

    /** An address that names no object version. */
    public SourceUri(Scheme scheme, String authority, String key, String text) {
        this(scheme, authority, key, text, Optional.empty());
    }

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
            return S3Address.parse(text);
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
