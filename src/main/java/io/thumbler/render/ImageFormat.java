package io.thumbler.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The image formats Thumbler knows, with the ImageMagick coder that reads or writes each one.
 *
 * <p>Which of them may be read is decided by the magic bytes of the original, never by its name or
 * by a Content-Type that an origin sent; which may be written is decided by the URL.
 */
public enum ImageFormat {
    JPEG("jpg", "image/jpeg", "JPEG", true),
    PNG("png", "image/png", "PNG", true),
    GIF("gif", "image/gif", "GIF", true),
    WEBP("webp", "image/webp", "WEBP", true),
    AVIF("avif", "image/avif", "AVIF", true),
    HEIC("heic", "image/heic", "HEIC", false),
    TIFF("tiff", "image/tiff", "TIFF", false),
    BMP("bmp", "image/bmp", "BMP", false),
    SVG("svg", "image/svg+xml", "SVG", false);

    private final String extension;
    private final String mediaType;
    private final String coder;
    private final boolean writable;

    ImageFormat(String extension, String mediaType, String coder, boolean writable) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.coder = coder;
        this.writable = writable;
    }

    /** The canonical file extension, as used in URLs ({@code jpg}, {@code png}, …). */
    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The explicit ImageMagick coder prefix, so that ImageMagick never guesses a format. */
    public String coder() {
        return coder;
    }

    /** Whether Thumbler can produce this format as output. */
    public boolean writable() {
        return writable;
    }

    /**
     * The output format named by a URL extension or {@code format} option value; {@code jpeg} and
     * {@code jpg}, {@code tif} and {@code tiff} are synonyms.
     */
    public static Optional<ImageFormat> fromExtension(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("jpeg")) {
            return Optional.of(JPEG);
        }
        if (n.equals("tif")) {
            return Optional.of(TIFF);
        }
        return Arrays.stream(values()).filter(f -> f.extension.equals(n)).findFirst();
    }
}
