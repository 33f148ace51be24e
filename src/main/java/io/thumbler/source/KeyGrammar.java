package io.thumbler.source;

import java.nio.charset.StandardCharsets;

import io.thumbler.error.ThumblerException;

/**
 * The one grammar every object key and local path must follow before any source opens it.
 *
 * <p>Strict because SDKs and HTTP stacks normalise dot segments and double slashes, so the object
 * fetched could differ from the key checked (CVE-2023-51651, aws-sdk-java-v2 #3600 and #3749).
 * A '%' left after the one decode is refused too: it could only be a second encoding layer.
 *
 * <p>Keys are not Unicode-normalised: S3 compares keys byte for byte, so normalising could fetch a
 * different object than the one named. A key names exactly one object or none.
 *
 * <p>ImageMagick never sees a key (it reads bytes with an explicit coder prefix), but keys that
 * look like its syntax ({@code msl:x}, {@code @list}, {@code -resize}, {@code x.jpg[0]}) are
 * refused anyway: no real original needs them, and refusing them keeps a future mistake harmless.
 */
final class KeyGrammar {

    private KeyGrammar() {
    }

    static void check(String source, String key) {
        if (key.isEmpty()) {
            throw bad(source, "names no object");
        }
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > SourceUri.MAX_KEY_LENGTH) {
            throw bad(source, "has a key of " + bytes + " bytes; the maximum is " + SourceUri.MAX_KEY_LENGTH);
        }
        for (int i = 0; i < key.length(); i++) {
            checkCharacter(source, key.charAt(i));
        }
        if (key.startsWith("/") || key.endsWith("/")) {
            throw bad(source, "has a key that starts or ends with '/'");
        }
        String[] segments = key.split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty()) {
                throw bad(source, "contains an empty path segment ('//')");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw bad(source, "contains a '" + segment + "' path segment");
            }
            if (segment.startsWith("-") || segment.startsWith("@")) {
                throw bad(source, "has a path segment starting with '" + segment.charAt(0) + "'");
            }
        }
        if (segments[0].contains(":")) {
            throw bad(source, "has a ':' in its first path segment (it reads like a coder prefix)");
        }
    }

    private static void checkCharacter(String source, char c) {
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
            throw bad(source, String.format("contains the control character U+%04X", (int) c));
        }
        switch (c) {
            case '\\' -> throw bad(source, "contains a backslash");
            case '%' -> throw bad(source, "still contains '%' after decoding (double encoding is not accepted)");
            case '[', ']', '<', '>', '|', '"', '*', '{', '}' -> throw bad(source, "contains the character '" + c + "'");
            default -> {
            }
        }
        // Bidirectional overrides and zero-width marks make a key display as a different key.
        if ((c >= '\u200b' && c <= '\u200f') || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || c == '\ufeff') {
            throw bad(source, String.format("contains the invisible formatting character U+%04X", (int) c));
        }
        if (c == '\ufffd') {
            throw bad(source, "contains U+FFFD (it was not valid UTF-8)");
        }
    }

    /** The source as it may appear in a message: control characters masked, length bounded. */
    static String shown(String source) {
        String shown = source.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 120 ? shown.substring(0, 117) + "..." : shown;
    }

    private static ThumblerException bad(String source, String problem) {
        return ThumblerException.badRequest("source '" + shown(source) + "' " + problem);
    }
}
