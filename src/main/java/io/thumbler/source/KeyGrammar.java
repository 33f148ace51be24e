package io.thumbler.source;

import io.thumbler.error.ThumblerException;

/**
 * The one grammar every object key and local path must follow before any source opens it.
 *
 * <p>Strict because SDKs and HTTP stacks normalise dot segments and double slashes, so the object
 * fetched could differ from the key checked (CVE-2023-51651, aws-sdk-java-v2 #3600 and #3749).
 * A '%' left after the one decode is refused too: it could only be a second encoding layer.
 */
final class KeyGrammar {

    private KeyGrammar() {
    }

    static void check(String source, String key) {
        if (key.isEmpty()) {
            throw bad(source, "names no object");
        }
        if (key.length() > SourceUri.MAX_KEY_LENGTH) {
            throw bad(source, "has a key of " + key.length() + " characters; the maximum is " + SourceUri.MAX_KEY_LENGTH);
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                throw bad(source, String.format("contains the control character U+%04X", (int) c));
            }
            if (c == '\\') {
                throw bad(source, "contains a backslash");
            }
            if (c == '%') {
                throw bad(source, "still contains '%' after decoding (double encoding is not accepted)");
            }
            if (c == '\u202e' || c == '\u202d' || c == '\ufeff') {
                throw bad(source, String.format("contains the invisible formatting character U+%04X", (int) c));
            }
        }
        if (key.startsWith("/") || key.endsWith("/")) {
            throw bad(source, "has a key that starts or ends with '/'");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty()) {
                throw bad(source, "contains an empty path segment ('//')");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw bad(source, "contains a '" + segment + "' path segment");
            }
        }
    }

    private static ThumblerException bad(String source, String problem) {
        String shown = source.replaceAll("\\p{Cntrl}", "?");
        if (shown.length() > 120) {
            shown = shown.substring(0, 117) + "...";
        }
        return ThumblerException.badRequest("source '" + shown + "' " + problem);
    }
}
