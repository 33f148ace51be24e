package io.thumbler.render;

import java.util.HashSet;
import java.util.Set;

/**
 * Reads a TIFF's first image file directory (size, orientation, photometric interpretation,
 * extra samples) and counts the directories in its chain.
 *
 * <p>Hand-written rather than metadata-extractor, which builds a directory object for every IFD it
 * finds: a 16 MB file of tiny IFDs would cost far more than the file. Here IFD0 is read and the
 * chain is only followed (count and next offset), at most {@link HeaderSniffer#FRAME_COUNT_CAP} + 1
 * steps, with loop detection.
 */
final class TiffHeader {

    private static final int IMAGE_WIDTH = 256;
    private static final int IMAGE_LENGTH = 257;
    private static final int PHOTOMETRIC = 262;
    private static final int ORIENTATION = 274;
    private static final int EXTRA_SAMPLES = 338;
    private static final int TYPE_SHORT = 3;

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
        boolean alpha = false;
        int entries = u16(in, ifd0, little);
        for (int i = 0; i < entries; i++) {
            long entry = ifd0 + 2 + 12L * i;
            int tag = u16(in, entry, little);
            int type = u16(in, entry + 2, little);
            long value = type == TYPE_SHORT ? u16(in, entry + 8, little) : u32(in, entry + 8, little);
            switch (tag) {
                case IMAGE_WIDTH -> width = value;
                case IMAGE_LENGTH -> height = value;
                case ORIENTATION -> orientation = (int) Math.min(value, 9);
                case PHOTOMETRIC -> photometric = (int) Math.min(value, Integer.MAX_VALUE);
                case EXTRA_SAMPLES -> alpha = true;
                default -> { }
            }
        }
        return in.image(ImageFormat.TIFF, width, height, countDirectories(in, ifd0, little), orientation,
                alpha, colorSpace(photometric));
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
