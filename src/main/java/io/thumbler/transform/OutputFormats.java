package io.thumbler.transform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The output formats a URL may name, by extension. {@code jpeg} is written {@code jpg} and
 * {@code tif} {@code tiff} in canonical form, so both spellings share one cache entry.
 */
public final class OutputFormats {

    /** Canonical extensions, in the order error messages list them. */
    public static final List<String> SUPPORTED = List.of("jpg", "png", "webp", "avif", "gif", "tiff", "bmp", "ico");

    private OutputFormats() {
    }

    /** The canonical extension for {@code value}, or empty when Thumbler cannot write it. */
    public static Optional<String> canonical(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("jpeg")) {
            v = "jpg";
        } else if (v.equals("tif")) {
            v = "tiff";
        }
        return SUPPORTED.contains(v) ? Optional.of(v) : Optional.empty();
    }

    static String require(OptionName option, String value) {
        return canonical(value).orElseThrow(() -> InvalidOptionException.of(option,
                "format '" + value + "' is not one of " + String.join(", ", SUPPORTED)));
    }
}
