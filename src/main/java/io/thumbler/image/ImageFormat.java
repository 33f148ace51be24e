package io.thumbler.image;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The image formats Thumbler knows, with the ImageMagick coder that reads or writes each one.
 *
 * <p>Which of them may be read is decided by the magic bytes of the original, never by its name or
 * by a Content-Type that an origin sent; which may be written is decided by the URL. When the URL
 * names no format, an original in a {@link #keptWhenUnnamed() web format} keeps its format and
 * any other becomes JPEG: a TIFF, BMP, ICO or HEIC original is not what a browser should get by default.
 *
 * <p>HEIC is read, not written: encoding HEVC needs a patent licence that Thumbler cannot assume an
 * operator holds (imgproxy writes HEIC only where licensed); AVIF is the efficient output instead.
 */
public enum ImageFormat {
    // Declared in the order in which error messages list the formats a URL may name.
    JPEG("jpg", "image/jpeg", "JPEG", true, true),
    PNG("png", "image/png", "PNG", true, true),
    WEBP("webp", "image/webp", "WEBP", true, true),
    AVIF("avif", "image/avif", "AVIF", true, true),
    GIF("gif", "image/gif", "GIF", true, true),
    HEIC("heic", "image/heic", "HEIC", false, false),
    TIFF("tiff", "image/tiff", "TIFF", true, false),
    BMP("bmp", "image/bmp", "BMP", true, false),
    /** The media type imgproxy and browsers use for icons; {@code image/vnd.microsoft.icon} is the registered one. */
    ICO("ico", "image/x-icon", "ICO", true, false),
    SVG("svg", "image/svg+xml", "SVG", false, false);

    /** The largest icon an ICO directory entry can describe, on each side. */
    public static final int ICO_MAX_SIDE = 256;

    private final String extension;
    private final String mediaType;
    private final String coder;
    private final boolean writable;
    private final boolean keptWhenUnnamed;

    ImageFormat(String extension, String mediaType, String coder, boolean writable, boolean keptWhenUnnamed) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.coder = coder;
        this.writable = writable;
        this.keptWhenUnnamed = keptWhenUnnamed;
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

    /** Whether Thumbler can produce this format as output: the formats a URL may name as its output. */
    public boolean writable() {
        return writable;
    }

    /**
     * Whether the format's encoder trades quality for size: {@code quality} and {@code max_bytes}
     * apply to it; the others are written losslessly whatever the URL asks.
     */
    public boolean lossy() {
        return this == JPEG || this == WEBP || this == AVIF;
    }

    /** Whether an original in this format keeps it when the URL names no output format. */
    public boolean keptWhenUnnamed() {
        return keptWhenUnnamed;
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
