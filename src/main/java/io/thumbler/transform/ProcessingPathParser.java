package io.thumbler.transform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.thumbler.image.ImageFormat;

/**
 * Splits the raw path after the signature into options, source and extension, following
 * imgproxy's two source forms:
 * <pre>
 *   /{option}/…/plain/{percent-encoded source}[@{extension}]
 *   /{option}/…/{base64url(source), may be split by '/'}[.{extension}]
 * </pre>
 * Option segments are those that come before {@code plain} or, in the base64 form, those that
 * contain a colon (base64url has no colon). The plain source is percent-decoded exactly once;
 * anything that would decode to control characters or invalid UTF-8 is rejected here.
 */
public final class ProcessingPathParser {

    /** Longest source address accepted, in characters after decoding. */
    public static final int MAX_SOURCE_LENGTH = 2048;

    public ProcessingPath parse(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            throw new InvalidOptionException("the path after the signature must start with '/'");
        }
        List<String> segments = Arrays.asList(rawPath.substring(1).split("/", -1));
        int plain = segments.indexOf("plain");
        if (plain >= 0) {
            return plainForm(segments.subList(0, plain), String.join("/", segments.subList(plain + 1, segments.size())));
        }
        return base64Form(segments);
    }

    private ProcessingPath plainForm(List<String> options, String encodedSource) {
        requireOptions(options);
        String source = encodedSource;
        Optional<ImageFormat> extension = Optional.empty();
        int at = encodedSource.lastIndexOf('@');
        if (at >= 0) {
            extension = extension(encodedSource.substring(at + 1));
            source = encodedSource.substring(0, at);
        }
        return new ProcessingPath(options, checkedSource(percentDecode(source)), extension);
    }

    private ProcessingPath base64Form(List<String> segments) {
        int firstSourceSegment = 0;
        while (firstSourceSegment < segments.size() && segments.get(firstSourceSegment).contains(":")) {
            firstSourceSegment++;
        }
        List<String> options = segments.subList(0, firstSourceSegment);
        requireOptions(options);
        String encoded = String.join("", segments.subList(firstSourceSegment, segments.size()));
        Optional<ImageFormat> extension = Optional.empty();
        int dot = encoded.lastIndexOf('.');
        if (dot >= 0) {
            extension = extension(encoded.substring(dot + 1));
            encoded = encoded.substring(0, dot);
        }
        if (encoded.isEmpty()) {
            throw new InvalidOptionException("the URL names no source: expected /plain/{source} or a base64url-encoded source");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(stripPadding(encoded));
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException("source '" + abbreviate(encoded) + "' is not valid base64url: " + e.getMessage());
        }
        return new ProcessingPath(options, checkedSource(utf8(bytes, encoded)), extension);
    }

    private static void requireOptions(List<String> options) {
        for (String option : options) {
            if (option.isEmpty()) {
                throw new InvalidOptionException("empty path segment among the processing options ('//')");
            }
        }
    }

    /** The text after {@code @} or {@code .}; empty ({@code …@}, {@code ….}) is no extension, as imgproxy reads it. */
    private static Optional<ImageFormat> extension(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(OutputFormats.named(value).orElseThrow(() -> new InvalidOptionException(
                "output extension '" + abbreviate(value) + "' is not one of " + OutputFormats.listed())));
    }

    private static String stripPadding(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        return s.substring(0, end);
    }

    private static String checkedSource(String source) {
        if (source.isEmpty()) {
            throw new InvalidOptionException("the URL names no source after /plain/");
        }
        if (source.length() > MAX_SOURCE_LENGTH) {
            throw new InvalidOptionException("source is " + source.length() + " characters long; the maximum is " + MAX_SOURCE_LENGTH);
        }
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidOptionException(String.format("source '%s' contains the control character U+%04X",
                        abbreviate(source.replaceAll("\\p{Cntrl}", "?")), (int) c));
            }
        }
        return source;
    }

    /** RFC 3986 percent-decoding, once; '+' stays '+' (it is not a form encoding). */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] out = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                    throw new InvalidOptionException("source '" + abbreviate(s) + "' has a malformed percent-escape at position " + i);
                }
                out[n++] = (byte) Integer.parseInt(s.substring(i + 1, i + 3), 16);
                i += 2;
            } else if (c < 0x80) {
                out[n++] = (byte) c;
            } else {
                byte[] enc = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (n + enc.length > out.length) {
                    out = Arrays.copyOf(out, out.length * 2 + enc.length);
                }
                System.arraycopy(enc, 0, out, n, enc.length);
                n += enc.length;
            }
        }
        return utf8(Arrays.copyOf(out, n), s);
    }

    private static String utf8(byte[] bytes, String original) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidOptionException("source '" + abbreviate(original) + "' does not decode to valid UTF-8");
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
