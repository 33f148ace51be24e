package io.thumbler.transform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes the two rewrites that proxies and CDNs apply to imgproxy URLs, exactly as imgproxy does
 * before it checks a signature ({@code RedenormalizePath} in its {@code handlers/path.go}, {@code
 * fixPath} in v3's {@code fix_path.go}):
 * <ul>
 *   <li>in the options part (everything before the first {@code /plain/}, or the whole path when
 *       there is none), every {@code %3A} becomes {@code :}. Only the upper-case escape: imgproxy
 *       does not unescape {@code %3a};</li>
 *   <li>at the start of the plain source (after the first {@code /plain/}), {@code scheme:/x} with
 *       one slash, where {@code x} is not a slash, becomes {@code scheme://x}, and for {@code local}
 *       {@code local:///x}; this restores the {@code //} a proxy collapsed.</li>
 * </ul>
 * Nothing else is rewritten: other collapsed slashes, other escapes and a percent-encoded source
 * stay as they came.
 *
 * <p>The signature is checked against the path this returns, and the same path is what is parsed
 * and rendered, so a signature still covers exactly what is rendered. What changes is which raw
 * requests reach that check: {@code local:/a.jpg} and {@code local:///a.jpg} are two spellings of
 * one signed path and both verify, while a signature computed over the collapsed spelling itself
 * no longer verifies. Someone who can rewrite URLs in transit gains only another spelling of a URL
 * that was signed; the rewrites are a fixed function of the request path, so no signature can
 * stand for a path its signer did not sign.
 *
 * <p>The scheme pattern is imgproxy's {@code ^(\S+)\:/([^/])}. Its {@code \S+} is greedy and may
 * span slashes, so in an unencoded plain source the <em>last</em> {@code :/} followed by a non-slash
 * is the one rewritten ({@code https://h/a:/b} becomes {@code https://h/a://b}, as in imgproxy).
 * {@code [^\t\n\f\r ]} spells Go's {@code \S}: Java's {@code \S} would also exclude U+000B.
 */
public final class ProxyRewrites {

    private static final String PLAIN = "/plain/";
    private static final Pattern COLLAPSED_SCHEME = Pattern.compile("^([^\\t\\n\\f\\r ]+):/([^/])");

    private ProxyRewrites() {
    }

    /**
     * @param path the request path after the signature segment, as received
     * @return the path with the proxy rewrites undone: the text the signature is checked against
     */
    public static String undo(String path) {
        int plain = path.indexOf(PLAIN);
        if (plain < 0) {
            return unescapeColons(path);
        }
        String options = unescapeColons(path.substring(0, plain));
        return options + PLAIN + restoreSchemeSlashes(path.substring(plain + PLAIN.length()));
    }

    private static String unescapeColons(String options) {
        return options.replace("%3A", ":");
    }

    private static String restoreSchemeSlashes(String source) {
        Matcher m = COLLAPSED_SCHEME.matcher(source);
        if (!m.find()) {
            return source;
        }
        String scheme = m.group(1);
        String slashes = scheme.equals("local") ? ":///" : "://";
        return scheme + slashes + m.group(2) + source.substring(m.end());
    }
}
