package io.thumbler.image;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises SVG text and reads the size its root element declares.
 *
 * <p>A document is SVG when, within its first {@link #SNIFF_BYTES} bytes, the first element after
 * the XML declaration, comments and doctype is {@code <svg>}; an HTML page that happens to
 * contain an inline {@code <svg>} is not. The size is the root's {@code width}/{@code height} in
 * pixels, else its {@code viewBox}, else 300×150, the size browsers give an SVG without one.
 */
final class SvgHeader {

    static final int SNIFF_BYTES = 4096;

    private static final Pattern ROOT = Pattern.compile("<(?:svg:)?svg[\\s/>]");
    private static final String NUMBER = "([0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?)";
    private static final Pattern WIDTH = attribute("width", NUMBER + "\\s*(?:px)?");
    private static final Pattern HEIGHT = attribute("height", NUMBER + "\\s*(?:px)?");
    private static final Pattern VIEW_BOX = attribute("viewBox",
            "[-+0-9.eE]+[\\s,]+[-+0-9.eE]+[\\s,]+" + NUMBER + "[\\s,]+" + NUMBER);

    private SvgHeader() {
    }

    /** Whether the bytes are an SVG document (see the class comment); never throws. */
    static boolean isSvg(byte[] bytes) {
        return rootStart(window(bytes)) >= 0;
    }

    static ImageHeader read(byte[] bytes) {
        String text = window(bytes);
        int start = rootStart(text);
        int end = text.indexOf('>', start);
        String root = text.substring(start, end < 0 ? text.length() : end);
        double width = number(WIDTH, root, 1);
        double height = number(HEIGHT, root, 1);
        double boxWidth = number(VIEW_BOX, root, 1);
        double boxHeight = number(VIEW_BOX, root, 2);
        if (boxWidth > 0 && boxHeight > 0) {
            if (width <= 0 && height <= 0) {
                width = boxWidth;
                height = boxHeight;
            } else if (height <= 0) {
                height = width * boxHeight / boxWidth;
            } else if (width <= 0) {
                width = height * boxWidth / boxHeight;
            }
        }
        if (width <= 0 || height <= 0) {
            width = 300;
            height = 150;
        }
        return new ImageHeader(ImageFormat.SVG, pixels(width), pixels(height), 1, 1, true, "RGB");
    }

    private static String window(byte[] bytes) {
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0; // UTF-8 byte order mark
        int length = Math.max(0, Math.min(bytes.length, SNIFF_BYTES) - offset);
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }

    /** Where the root {@code <svg} starts, or -1 when the first element is something else. */
    private static int rootStart(String text) {
        int i = skipSpace(text, 0);
        while (i < text.length()) {
            int next;
            if (text.startsWith("<?", i)) {
                next = end(text, "?>", i);
            } else if (text.startsWith("<!--", i)) {
                next = end(text, "-->", i + 4);
            } else if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                int bracket = text.indexOf('[', i);
                int close = text.indexOf('>', i);
                next = bracket >= 0 && bracket < close ? end(text, "]>", bracket) : end(text, ">", i);
            } else {
                Matcher root = ROOT.matcher(text).region(i, text.length());
                return root.lookingAt() ? i : -1;
            }
            if (next < 0) {
                return -1;
            }
            i = skipSpace(text, next);
        }
        return -1;
    }

    private static int end(String text, String terminator, int from) {
        int at = text.indexOf(terminator, from);
        return at < 0 ? -1 : at + terminator.length();
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static Pattern attribute(String name, String value) {
        return Pattern.compile("(?<![\\w:.-])" + name + "\\s*=\\s*[\"']\\s*" + value + "\\s*[\"']");
    }

    private static double number(Pattern pattern, String root, int group) {
        Matcher m = pattern.matcher(root);
        if (!m.find()) {
            return -1;
        }
        try {
            return Double.parseDouble(m.group(group).toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int pixels(double size) {
        return (int) Math.max(1, Math.min(Math.ceil(size), Integer.MAX_VALUE));
    }
}
