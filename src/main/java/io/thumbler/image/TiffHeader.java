package io.thumbler.image;

import java.util.HashSet;
import java.util.Set;

/**
 * Reads a TIFF's first image file directory (size, orientation, compression, photometric
 * interpretation, extra samples, where its strips or tiles are) and counts the directories in its chain.
 *
 * <p>Hand-written rather than metadata-extractor, which builds a directory object for every IFD it
 * finds: a 16 MB file of tiny IFDs would cost far more than the file. Here IFD0 is read and the
 * chain is only followed (count and next offset), at most {@link HeaderSniffer#FRAME_COUNT_CAP} + 1
 * steps, with loop detection. Thumbler renders IFD0 only ({@code [0]}), so the other pages are
 * counted, never read.
 *
 * <p>Every strip or tile of IFD0 must lie inside the file: a truncated TIFF is refused here with a
 * message, not left to libtiff. Only the common compression schemes are accepted (none, CCITT fax,
 * LZW, JPEG, Deflate, PackBits, LZMA, Zstandard, WebP); old-style JPEG (6), which TIFF 6.0 itself
 * replaced and which has the longest record of decoder bugs in libtiff, and anything rarer, are refused.
 */
final class TiffHeader {

    private static final int IMAGE_WIDTH = 256;
    private static final int IMAGE_LENGTH = 257;
    private static final int COMPRESSION = 259;
    private static final int PHOTOMETRIC = 262;
    private static final int STRIP_OFFSETS = 273;
    private static final int ORIENTATION = 274;
    private static final int STRIP_BYTE_COUNTS = 279;
    private static final int TILE_OFFSETS = 324;
    private static final int TILE_BYTE_COUNTS = 325;
    private static final int EXTRA_SAMPLES = 338;
    private static final int TYPE_SHORT = 3;
    private static final int TYPE_LONG = 4;
    private static final Set<Integer> COMPRESSIONS = Set.of(1, 2, 3, 4, 5, 7, 8, 32773, 32946, 34925, 50000, 50001);

    /** Where one IFD entry's values are: {@code count} values of {@code type}, inline or at an offset. */
    private record Field(int type, long count, long at) {
    }

    private TiffHeader() {
    }

    static ImageHeader read(byte[] bytes) {
        HeaderBytes in = new HeaderBytes(bytes, "TIFF");
        boolean little = in.u8(0) == 'I';
        long ifd0 = u32(in, 4, little);
        long width = 0;
        long height = 0;
        int orientation = 1;
        int photometric = -1;
        int compression = 1;
        boolean alpha = false;
        Field offsets = null;
        Field byteCounts = null;
        int entries = u16(in, ifd0, little);
        for (int i = 0; i < entries; i++) {
            long entry = ifd0 + 2 + 12L * i;
            int tag = u16(in, entry, little);
            int type = u16(in, entry + 2, little);
            long count = u32(in, entry + 4, little);
            long value = type == TYPE_SHORT ? u16(in, entry + 8, little) : u32(in, entry + 8, little);
            Field field = new Field(type, count, count * size(type) <= 4 ? entry + 8 : u32(in, entry + 8, little));
            switch (tag) {
                case IMAGE_WIDTH -> width = value;
                case IMAGE_LENGTH -> height = value;
                case COMPRESSION -> compression = (int) Math.min(value, Integer.MAX_VALUE);
                case ORIENTATION -> orientation = (int) Math.min(value, 9);
                case PHOTOMETRIC -> photometric = (int) Math.min(value, Integer.MAX_VALUE);
                case EXTRA_SAMPLES -> alpha = true;
                case STRIP_OFFSETS, TILE_OFFSETS -> offsets = field;
                case STRIP_BYTE_COUNTS, TILE_BYTE_COUNTS -> byteCounts = field;
                default -> { }
            }
        }
        if (!COMPRESSIONS.contains(compression)) {
            throw in.corrupt("compression " + compression + " is not one Thumbler reads");
        }
        ImageHeader header = in.image(ImageFormat.TIFF, width, height, countDirectories(in, ifd0, little), orientation,
                alpha, colorSpace(photometric));
        checkData(in, offsets, byteCounts, little);
        return header;
    }

    /** Each strip or tile, offset plus byte count, must end inside the file. */
    private static void checkData(HeaderBytes in, Field offsets, Field byteCounts, boolean little) {
        if (offsets == null || byteCounts == null || offsets.count != byteCounts.count) {
            throw in.corrupt("the first image has no strip or tile locations, or not one byte count for each");
        }
        if (!in.has(offsets.at, offsets.count * size(offsets.type))
                || !in.has(byteCounts.at, byteCounts.count * size(byteCounts.type))) {
            throw in.truncated("the strip or tile locations run past the end of the file");
        }
        for (long i = 0; i < offsets.count; i++) {
            long offset = value(in, offsets, i, little);
            long length = value(in, byteCounts, i, little);
            if (!in.has(offset, length)) {
                throw in.dataTruncated("strip or tile " + i + " runs past the end of the file");
            }
        }
    }

    private static long value(HeaderBytes in, Field field, long index, boolean little) {
        long at = field.at + index * size(field.type);
        return field.type == TYPE_SHORT ? u16(in, at, little) : u32(in, at, little);
    }

    /** Bytes per value of the types strip and tile locations use; others count as too large to be inline. */
    private static long size(int type) {
        return type == TYPE_SHORT ? 2 : type == TYPE_LONG ? 4 : 8;
    }

    private static int countDirectories(HeaderBytes in, long first, boolean little) {
        Set<Long> seen = new HashSet<>();
        long ifd = first;
        while (ifd != 0 && seen.size() <= HeaderSniffer.FRAME_COUNT_CAP && seen.add(ifd)) {
            long next = ifd + 2 + 12L * u16(in, ifd, little);
            ifd = in.has(next, 4) ? u32(in, next, little) : 0;
        }
        return seen.size();
    }

    private static String colorSpace(int photometric) {
        return switch (photometric) {
            case 0, 1 -> "GRAY";
            case 2, 6 -> "RGB";
            case 3 -> "PALETTE";
            case 5 -> "CMYK";
            default -> "UNKNOWN";
        };
    }

    private static int u16(HeaderBytes in, long offset, boolean little) {
        return little ? in.u16le(offset) : in.u16be(offset);
    }

    private static long u32(HeaderBytes in, long offset, boolean little) {
        return little ? in.u32le(offset) : in.u32be(offset);
    }
}
