package io.thumbler.image;

import io.thumbler.error.ThumblerException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides an original's format from its magic bytes and reads its header in Java, before any
 * ImageMagick process starts, so that a disguised format or a declared pixel flood is refused
 * without running ImageMagick's decoders on it.
 *
 * <p>The file name, extension and any Content-Type are never consulted: ImageMagick itself would
 * sniff SVG, MVG or TIFF bytes inside a file named {@code .jpg} and decode them (verified with ImageMagick 6.9.11).
 * The readers only walk structure (markers, chunks, blocks, boxes): nothing is decompressed,
 * nothing is allocated in proportion to the declared dimensions, and every loop advances through
 * the file or stops at a cap, so a 16 MB file costs at most one pass over its bytes.
 *
 * <p>Frame counts stop at {@link #FRAME_COUNT_CAP} + 1: a header reporting that many frames
 * means "more than the cap".
 *
 * <p>Which of the recognised formats may be rendered, and how large, is {@link SourceLimits}'s
 * decision, not this class's.
 */
public final class HeaderSniffer {

    /** Frames are counted up to this many and one more; see the class comment. */
    public static final int FRAME_COUNT_CAP = 1000;

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] GIF87A = "GIF87a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GIF89A = "GIF89a".getBytes(StandardCharsets.US_ASCII);
    /** BITMAPCOREHEADER, BITMAPINFOHEADER and its V2–V5 successors. */
    private static final Set<Long> BMP_DIB_SIZES = Set.of(12L, 40L, 52L, 56L, 108L, 124L);
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx",
            "mif1", "msf1");

    private HeaderSniffer() {
    }

    /**
     * Reads the header of an original.
     *
     * @param bytes the whole original
     * @return its format, stored size, frame count, EXIF orientation, alpha and colour model
     * @throws ThumblerException 422 when the bytes are empty, are not a format Thumbler knows
     *                           ("the original is not an image Thumbler reads (starts with 3c 21 64 6f)"),
     *                           or have a truncated or corrupt header ("PNG header is truncated")
     */
    public static ImageHeader sniff(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            throw ThumblerException.badOriginal("the original is empty (0 bytes)");
        }
        ImageFormat format = formatOf(bytes).orElseThrow(() -> notAnImage(bytes));
        return switch (format) {
            case JPEG -> JpegHeader.read(bytes);
            case PNG -> PngHeader.read(bytes);
            case GIF -> GifHeader.read(bytes);
            case WEBP -> WebpHeader.read(bytes);
            case AVIF, HEIC -> HeifHeader.read(bytes, format);
            case TIFF -> TiffHeader.read(bytes);
            case BMP -> BmpHeader.read(bytes);
            case ICO -> IcoHeader.read(bytes);
            case SVG -> SvgHeader.read(bytes);
        };
    }

    /** The format the magic bytes name, if Thumbler knows it; the rest of the header is not read. */
    public static Optional<ImageFormat> formatOf(byte[] bytes) {
        if (startsWith(bytes, 0, JPEG)) {
            return Optional.of(ImageFormat.JPEG);
        }
        if (startsWith(bytes, 0, PNG)) {
            return Optional.of(ImageFormat.PNG);
        }
        if (startsWith(bytes, 0, GIF87A) || startsWith(bytes, 0, GIF89A)) {
            return Optional.of(ImageFormat.GIF);
        }
        if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) {
            return Optional.of(ImageFormat.WEBP);
        }
        if (ascii(bytes, 4, "ftyp")) {
            return heifFormat(bytes);
        }
        if (ascii(bytes, 0, "II*\0") || ascii(bytes, 0, "MM\0*")) {
            return Optional.of(ImageFormat.TIFF);
        }
        if (ascii(bytes, 0, "BM") && bytes.length >= 18
                && BMP_DIB_SIZES.contains(new HeaderBytes(bytes, "BMP").u32le(14))) {
            return Optional.of(ImageFormat.BMP);
        }
        if (IcoHeader.isIco(bytes)) {
            return Optional.of(ImageFormat.ICO);
        }
        if (SvgHeader.isSvg(bytes)) {
            return Optional.of(ImageFormat.SVG);
        }
        return Optional.empty();
    }

    /** AVIF when any brand says so (an AVIF is also mif1), else HEIC for the HEIF image brands. */
    private static Optional<ImageFormat> heifFormat(byte[] bytes) {
        HeaderBytes in = new HeaderBytes(bytes, "HEIF");
        long end = Math.min(in.u32be(0), bytes.length);
        boolean heic = false;
        for (long pos = 8; pos + 4 <= end; pos += 4) {
            if (pos == 12) {
                continue; // minor version, not a brand
            }
            String brand = in.text(pos, 4);
            if (AVIF_BRANDS.contains(brand)) {
                return Optional.of(ImageFormat.AVIF);
            }
            heic |= HEIC_BRANDS.contains(brand);
        }
        return heic ? Optional.of(ImageFormat.HEIC) : Optional.empty();
    }

    private static ThumblerException notAnImage(byte[] bytes) {
        // A file cut inside an unambiguous signature is a truncated image, not a foreign format.
        if (bytes.length >= 2 && startsWith(JPEG, 0, bytes)) {
            return ThumblerException.badOriginal("JPEG header is truncated");
        }
        if (bytes.length >= 2 && startsWith(PNG, 0, bytes)) {
            return ThumblerException.badOriginal("PNG header is truncated");
        }
        if (bytes.length >= 4 && (startsWith(GIF87A, 0, bytes) || startsWith(GIF89A, 0, bytes))) {
            return ThumblerException.badOriginal("GIF header is truncated");
        }
        String start = HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(bytes.length, 4));
        return ThumblerException.badOriginal(
                "the original is not an image Thumbler reads (starts with " + start + ")");
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length - offset >= prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static boolean ascii(byte[] bytes, int offset, String text) {
        return new HeaderBytes(bytes, "").ascii(offset, text);
    }
}
