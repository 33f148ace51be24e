package io.thumbler.image;

import io.thumbler.config.MaxSourceFileSize;
import io.thumbler.error.ThumblerException;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * How large, and in which formats, an original may be before Thumbler hands it to ImageMagick:
 * a small file can declare billions of pixels (a decompression bomb), and ImageMagick allocates
 * for what the header declares. Every refusal is a 422 whose message names the figure and the limit.
 *
 * <p>Defaults, chosen with imgproxy's defaults and measurements on this stack:
 * <ul>
 *   <li>{@code maxResolutionMegapixels} 50: imgproxy's {@code IMGPROXY_MAX_SRC_RESOLUTION}. Frames
 *       are summed, as imgproxy does, so a 45-frame 660×666 GIF counts 19.8 MP.</li>
 *   <li>{@code maxSideLength} 12 000 pixels: the policy's {@code width}/{@code height} limit
 *       (12KP). The policy alone is not enough: {@code -define jpeg:size} bypasses it (measured: a 749 MP JPEG passed it).</li>
 *   <li>{@code maxFileBytes} 25 MiB: larger originals are refused before their bytes are read.</li>
 *   <li>{@code maxFrames} 1000, the most {@link HeaderSniffer} counts: Thumbler renders frame 0
 *       only, so frames cost little once the summed resolution is bounded; this catches floods
 *       of tiny frames (a 10 000-frame GIF of 1×1 pixels is 0.01 MP).</li>
 *   <li>{@code readableFormats} JPEG, PNG, GIF, WebP, AVIF, HEIC, TIFF, BMP, ICO: the formats the
 *       shipped policy.xml lets ImageMagick read. SVG is recognised but refused; enabling a format
 *       with {@link #allowing} also needs a matching change to policy.xml.</li>
 * </ul>
 */
public record SourceLimits(double maxResolutionMegapixels, int maxSideLength, long maxFileBytes, int maxFrames,
                           Set<ImageFormat> readableFormats) {

    public static final double DEFAULT_MAX_RESOLUTION_MEGAPIXELS = 50;
    public static final int DEFAULT_MAX_SIDE_LENGTH = 12_000;
    public static final int DEFAULT_MAX_FRAMES = HeaderSniffer.FRAME_COUNT_CAP;
    public static final Set<ImageFormat> DEFAULT_READABLE_FORMATS = Collections.unmodifiableSet(
            EnumSet.of(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.GIF, ImageFormat.WEBP, ImageFormat.AVIF,
                    ImageFormat.HEIC, ImageFormat.TIFF, ImageFormat.BMP, ImageFormat.ICO));

    public SourceLimits {
        // 0 only from a URL's max_src_resolution:0, which refuses every original, as in imgproxy.
        if (!(maxResolutionMegapixels >= 0) || Double.isInfinite(maxResolutionMegapixels)) {
            throw new IllegalArgumentException("maxResolutionMegapixels must be a positive number or 0, not "
                    + maxResolutionMegapixels);
        }
        if (maxSideLength < 1 || maxFileBytes < 1) {
            throw new IllegalArgumentException("maxSideLength and maxFileBytes must be positive, not "
                    + maxSideLength + " and " + maxFileBytes);
        }
        if (maxFrames < 1 || maxFrames > HeaderSniffer.FRAME_COUNT_CAP) {
            throw new IllegalArgumentException("maxFrames must be between 1 and " + HeaderSniffer.FRAME_COUNT_CAP
                    + " (HeaderSniffer counts no further), not " + maxFrames);
        }
        readableFormats = readableFormats.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(readableFormats));
    }

    /** The defaults listed in the class comment. */
    public static SourceLimits defaults() {
        return new SourceLimits(DEFAULT_MAX_RESOLUTION_MEGAPIXELS, DEFAULT_MAX_SIDE_LENGTH, MaxSourceFileSize.DEFAULT_BYTES,
                DEFAULT_MAX_FRAMES, DEFAULT_READABLE_FORMATS);
    }

    /** These limits with another resolution limit, in megapixels. */
    public SourceLimits withMaxResolution(double megapixels) {
        return new SourceLimits(megapixels, maxSideLength, maxFileBytes, maxFrames, readableFormats);
    }

    /** These limits with more formats accepted (for example SVG, once its rendering is made safe). */
    public SourceLimits allowing(ImageFormat... formats) {
        Set<ImageFormat> readable = EnumSet.noneOf(ImageFormat.class);
        readable.addAll(readableFormats);
        readable.addAll(Set.of(formats));
        return new SourceLimits(maxResolutionMegapixels, maxSideLength, maxFileBytes, maxFrames, readable);
    }

    /**
     * Refuses an original by its size alone; callers that know the size before downloading
     * (S3 ContentLength, HTTP Content-Length) call this first.
     *
     * @throws ThumblerException 422 "the original is 26214401 bytes; the limit is 26214400 bytes (25 MiB)"
     */
    public void checkFileSize(long bytes) {
        if (bytes > maxFileBytes) {
            throw ThumblerException.badOriginal("the original is " + bytes + " bytes; the limit is "
                    + maxFileBytes + " bytes (" + mebibytes(maxFileBytes) + ")");
        }
    }

    /**
     * Refuses an original whose size, format, frame count or dimensions are over these limits,
     * checked in that order.
     *
     * @param header what {@link HeaderSniffer#sniff} read
     * @param bytes  the original's length in bytes
     * @throws ThumblerException 422, for example "the original is 65500x65500 (4290.3 MP); the limit is 50 MP"
     */
    public void check(ImageHeader header, long bytes) {
        checkFileSize(bytes);
        if (!readableFormats.contains(header.format())) {
            throw ThumblerException.badOriginal("format " + header.format() + " is not accepted as an original");
        }
        if (header.frames() > maxFrames) {
            String count = header.frames() > HeaderSniffer.FRAME_COUNT_CAP
                    ? "more than " + HeaderSniffer.FRAME_COUNT_CAP : String.valueOf(header.frames());
            throw ThumblerException.badOriginal("the original has " + count + " frames; the limit is " + maxFrames);
        }
        double megapixels = header.totalPixels() / 1e6;
        if (megapixels > maxResolutionMegapixels) {
            String size = header.width() + "x" + header.height();
            String shown = above(megapixels, maxResolutionMegapixels);
            String figure = header.frames() == 1
                    ? size + " (" + shown + " MP)"
                    : size + " with " + header.frames() + " frames (" + shown + " MP in all)";
            throw ThumblerException.badOriginal("the original is " + figure + "; the limit is "
                    + decimal(maxResolutionMegapixels) + " MP");
        }
        if (header.width() > maxSideLength || header.height() > maxSideLength) {
            throw ThumblerException.badOriginal("the original is " + header.width() + "x" + header.height()
                    + "; the limit is " + maxSideLength + " pixels on a side");
        }
    }

    /** One decimal, or none when it would be ".0": "4290.3", "50". */
    private static String decimal(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    /** {@code value} with as many decimals as it takes to differ from {@code limit}, never "50 MP; the limit is 50 MP". */
    private static String above(double value, double limit) {
        String text = decimal(value);
        for (int digits = 2; digits <= 6 && text.equals(decimal(limit)); digits++) {
            text = String.format(Locale.ROOT, "%." + digits + "f", value);
        }
        return text;
    }

    private static String mebibytes(long bytes) {
        return decimal(bytes / (1024.0 * 1024.0)) + " MiB";
    }
}
