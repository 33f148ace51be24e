package io.thumbler.playground;

import java.util.regex.Pattern;

import io.thumbler.error.ThumblerException;
import io.thumbler.source.SourceUri;
import io.thumbler.transform.ProcessingPath;
import io.thumbler.transform.ProcessingPathParser;
import io.thumbler.transform.ProxyRewrites;

/**
 * Decides whether a path may be signed by the playground: only the part of a thumbnail URL after
 * the signature, in imgproxy's processing-language shape ({@code /{name:args}/…/plain/{source}@{ext}}
 * or the base64 form), with a source Thumbler understands.
 *
 * <p>The check is about shape, not option values: whether {@code w:abc} or an option added later
 * is acceptable is the thumbnail endpoint's decision, and its 400 message is what the page shows.
 * Refusing everything else keeps the signer from being a general-purpose HMAC oracle over text of
 * the caller's choosing (another route, a query string, a header value).
 */
final class PathShape {

    /** Longest path accepted: two maximal sources' worth, far beyond any real URL. */
    static final int MAX_LENGTH = 2 * ProcessingPathParser.MAX_SOURCE_LENGTH;

    /** RFC 3986 path characters; '?' and '#' would start a query or fragment that is never signed. */
    private static final Pattern URL_PATH = Pattern.compile("[A-Za-z0-9\\-._~%!$&'()*+,;=:@/]+");
    /** {@code name} or {@code name:args}, names as imgproxy writes them ({@code rs}, {@code min-width}). */
    private static final Pattern OPTION = Pattern.compile("[a-z][a-z0-9_-]{0,39}(:.*)?");

    private final ProcessingPathParser parser = new ProcessingPathParser();

    /**
     * @return {@code path} when it has the shape of a processing path, with the proxy rewrites
     *         undone ({@link ProxyRewrites}): that text is what the thumbnail endpoint checks a
     *         signature against, so it is the text to sign and to put in the URL
     * @throws ThumblerException 400 naming what is wrong
     */
    String require(String path) {
        if (path == null || path.isEmpty()) {
            throw ThumblerException.badRequest("path is missing: send {\"path\": \"/{options}/plain/{source}@{ext}\"}");
        }
        if (path.length() > MAX_LENGTH) {
            throw ThumblerException.badRequest("path is " + path.length() + " characters long; the maximum is " + MAX_LENGTH);
        }
        if (!path.startsWith("/")) {
            throw ThumblerException.badRequest("path '" + shown(path) + "' must start with '/' (the part after the signature)");
        }
        path = ProxyRewrites.undo(path);
        if (!URL_PATH.matcher(path).matches()) {
            throw ThumblerException.badRequest("path '" + shown(path) + "' contains a character that must be percent-encoded"
                    + " (space, '?', '#', quotes or non-ASCII)");
        }
        ProcessingPath parsed = parser.parse(path);
        for (String option : parsed.options()) {
            if (!OPTION.matcher(option).matches()) {
                throw ThumblerException.badRequest("path segment '" + shown(option) + "' is not a processing option (name:arguments)");
            }
        }
        SourceUri.parse(parsed.source());
        return path;
    }

    private static String shown(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 77) + "...";
    }
}
