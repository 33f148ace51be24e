package io.thumbler.transform;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.thumbler.image.ImageFormat;

/**
 * The output formats a URL may name (extension, {@code format}, {@code format_quality}): those
 * Thumbler can write ({@link ImageFormat#writable()}), by the names {@link ImageFormat#fromExtension}
 * reads, so {@code jpeg} is {@code jpg} and {@code tif} is {@code tiff}. The canonical form writes
 * a format as its {@link ImageFormat#extension()}, so both spellings share one cache entry.
 */
public final class OutputFormats {

    /** The writable formats, in the order error messages list them. */
    public static final List<ImageFormat> SUPPORTED = Arrays.stream(ImageFormat.values()).filter(ImageFormat::writable).toList();

    private OutputFormats() {
    }

    /** The output format {@code value} names, case-insensitively, or empty when Thumbler cannot write it. */
    public static Optional<ImageFormat> named(String value) {
        return ImageFormat.fromExtension(value).filter(ImageFormat::writable);
    }

    /** {@code jpg, png, webp, …}: the supported formats' extensions, for error messages. */
    public static String listed() {
        return SUPPORTED.stream().map(ImageFormat::extension).collect(Collectors.joining(", "));
    }

    static ImageFormat require(OptionName option, String value) {
        return named(value).orElseThrow(() -> InvalidOptionException.of(option,
                "format '" + value + "' is not one of " + listed()));
    }
}
