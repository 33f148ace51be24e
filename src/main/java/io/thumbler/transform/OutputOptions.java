package io.thumbler.transform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.thumbler.image.ImageFormat;

/**
 * Handlers of the options that act after the geometry: orientation, colour and filters, encoding
 * and metadata, and what the response says (cache buster, expiry, file name, attachment).
 */
final class OutputOptions {

    /** Longest {@code filename} or {@code cachebuster} accepted, in characters. */
    static final int MAX_TEXT = 255;
    private static final double MAX_SIGMA = 100;

    private OutputOptions() {
    }

    static void register(OptionParser p) {
        p.register("auto_rotate", "ar", 1, 1, (n, a, b) -> b.autoRotate = Numbers.bool(n, "auto_rotate", a[0]));
        p.register("rotate", "rot", 1, 1, OutputOptions::rotate);
        p.register("flip", "fl", 1, 2, (n, a, b) -> {
            b.flipHorizontal = !a[0].isEmpty() && Numbers.bool(n, "horizontal", a[0]);
            b.flipVertical = a.length > 1 && !a[1].isEmpty() && Numbers.bool(n, "vertical", a[1]);
        });
        p.register("background", "bg", 0, 3, (n, a, b) -> b.background = a.length == 0 || a[0].isEmpty() && a.length == 1 ? null : Rgb.parse(n, a));
        p.register("blur", "bl", 1, 1, (n, a, b) -> b.blur = sigma(n, a[0]));
        p.register("sharpen", "sh", 1, 1, (n, a, b) -> b.sharpen = sigma(n, a[0]));
        p.register("pixelate", "pix", 1, 1, (n, a, b) -> b.pixelate = Numbers.wholeNumber(n, "size", a[0], Transform.MAX_DIMENSION));
        p.register("watermark", "wm", 1, 5, (n, a, b) -> b.watermark = Watermark.parse(n, a, b.watermark));
        p.register("quality", "q", 1, 1, (n, a, b) -> b.quality(Numbers.wholeNumber(n, "quality", a[0], 100)));
        p.register("format_quality", "fq", 2, 16, OutputOptions::formatQuality);
        p.register("max_bytes", "mb", 1, 1, (n, a, b) -> b.encoding = b.encoding.withMaxBytes(Numbers.wholeNumber(n, "bytes", a[0], Numbers.MAX_WHOLE)));
        p.register("format", "f", 1, 1, (n, a, b) -> b.format(OutputFormats.require(n, a[0])));
        p.alias("ext", "format");
        p.register("strip_metadata", "sm", 1, 1, (n, a, b) -> b.encoding = b.encoding.withMetadata(Numbers.bool(n, "strip_metadata", a[0]), null, null));
        p.register("keep_copyright", "kcr", 1, 1, (n, a, b) -> b.encoding = b.encoding.withMetadata(null, Numbers.bool(n, "keep_copyright", a[0]), null));
        p.register("strip_color_profile", "scp", 1, 1, (n, a, b) -> b.encoding = b.encoding.withMetadata(null, null, Numbers.bool(n, "strip_color_profile", a[0])));
        p.register("cachebuster", "cb", 1, 1, (n, a, b) -> b.delivery = new Delivery(text(n, "cache buster", a[0]),
                b.delivery.expires(), b.delivery.filename(), b.delivery.attachment()));
        p.register("expires", "exp", 1, 1, (n, a, b) -> b.delivery = new Delivery(b.delivery.cacheBuster(),
                expiry(Numbers.timestamp(n, a[0])), b.delivery.filename(), b.delivery.attachment()));
        p.register("filename", "fn", 1, 2, OutputOptions::filename);
        p.register("return_attachment", "att", 1, 1, (n, a, b) -> b.delivery = new Delivery(b.delivery.cacheBuster(),
                b.delivery.expires(), b.delivery.filename(), Numbers.bool(n, "return_attachment", a[0])));
    }

    private static void rotate(OptionName n, String[] a, Transform.Builder b) {
        boolean negative = a[0].startsWith("-");
        int degrees = Numbers.wholeNumber(n, "angle", negative ? a[0].substring(1) : a[0], 360 * 4);
        if (degrees % 90 != 0) {
            throw InvalidOptionException.of(n, "angle " + a[0] + " is not a multiple of 90");
        }
        b.rotate = Math.floorMod(negative ? -degrees : degrees, 360);
    }

    private static void formatQuality(OptionName n, String[] a, Transform.Builder b) {
        if (a.length % 2 != 0) {
            throw InvalidOptionException.of(n, "takes format:quality pairs, got " + a.length + " values");
        }
        Map<ImageFormat, Integer> q = new HashMap<>(b.encoding.formatQuality());
        for (int i = 0; i < a.length; i += 2) {
            q.put(OutputFormats.require(n, a[i]), Numbers.wholeNumber(n, "quality", a[i + 1], 100));
        }
        q.values().removeIf(v -> v == 0);
        Encoding e = b.encoding;
        b.encoding = e.withFormatQuality(q);
    }

    private static void filename(OptionName n, String[] a, Transform.Builder b) {
        String name = a[0];
        if (a.length > 1 && !a[1].isEmpty() && Numbers.bool(n, "encoded", a[1])) {
            try {
                name = new String(Base64.getUrlDecoder().decode(name.replace("=", "")), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw InvalidOptionException.of(n, "filename '" + a[0] + "' is not valid base64url");
            }
        }
        b.delivery = new Delivery(b.delivery.cacheBuster(), b.delivery.expires(),
                Optional.of(text(n, "filename", name)).filter(s -> !s.isEmpty()), b.delivery.attachment());
    }

    /**
     * imgproxy refuses a URL as expired only when its timestamp is above 0, so {@code exp:0} never
     * expires, and like any later option it replaces an earlier {@code exp}. Its headers then are
     * those of a URL without {@code exp}, as in imgproxy 4, where a max-age of 0 from the expiry
     * falls back to the default TTL.
     */
    private static Optional<Instant> expiry(long seconds) {
        return seconds > 0 ? Optional.of(Instant.ofEpochSecond(seconds)) : Optional.empty();
    }

    private static double sigma(OptionName n, String value) {
        double d = Numbers.decimal(n, "sigma", value);
        if (d < 0 || d > MAX_SIGMA) {
            throw InvalidOptionException.of(n, "sigma " + value + " is not between 0 and " + Numbers.format(MAX_SIGMA));
        }
        return d;
    }

    /** Free text that ends up in a header or a cache key: printable, no quotes or backslashes, bounded. */
    private static String text(OptionName n, String what, String value) {
        if (value.length() > MAX_TEXT) {
            throw InvalidOptionException.of(n, what + " is " + value.length() + " characters long; the maximum is " + MAX_TEXT);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '"' || c == '\\') {
                throw InvalidOptionException.of(n, String.format("%s '%s' contains the character U+%04X", what,
                        ProcessingPathParser.abbreviate(value.replaceAll("\\p{Cntrl}", "?")), (int) c));
            }
        }
        return value;
    }
}
