package io.thumbler.image;

/**
 * Reads a PNG's IHDR (size, colour type), its APNG frame count (acTL), whether it declares
 * transparency (alpha colour type or tRNS) and the orientation in its EXIF chunk (eXIf, the first
 * one, wherever it is), then walks the chunk list to IEND. ImageMagick 6 ignores eXIf orientation
 * (verified: {@code -auto-orient} leaves such a PNG as stored), so the orientation read here is the
 * one the render applies.
 *
 * <p>No chunk is ever decompressed: a 1-bit 30000² zlib bomb or a 200 MB zTXt chunk costs the
 * same as any other chunk, a jump by its declared length. The walk is bounded by
 * the file: every step advances at least 12 bytes.
 */
final class PngHeader {

    private static final long IHDR = 0x49484452L;
    private static final long IDAT = 0x49444154L;
    private static final long IEND = 0x49454E44L;
    private static final long ACTL = 0x6163544CL;
    private static final long TRNS = 0x74524E53L;
    private static final long EXIF = 0x65584966L;
    private static final long ICCP = 0x69434350L;

    private PngHeader() {
    }

    static ImageHeader read(byte[] bytes) {
        HeaderBytes in = new HeaderBytes(bytes, "PNG");
        if (!in.has(8, 8 + 13)) {
            throw in.truncated();
        }
        // The PNG spec requires IHDR first; decoders reject anything else, so do we.
        if (in.u32be(12) != IHDR || in.u32be(8) != 13) {
            throw in.corrupt("the first chunk is '" + in.fourcc(12) + "' of " + in.u32be(8)
                    + " bytes, not a 13-byte IHDR");
        }
        long width = in.u32be(16);
        long height = in.u32be(20);
        int colorType = in.u8(25);
        if (colorType != 0 && colorType != 2 && colorType != 3 && colorType != 4 && colorType != 6) {
            throw in.corrupt("colour type " + colorType + " does not exist");
        }
        int frames = 1;
        boolean transparency = colorType == 4 || colorType == 6;
        boolean sawImageData = false;
        boolean icc = false;
        int orientation = 0;
        long pos = 8 + 12 + 13;
        while (true) {
            if (!in.has(pos, 8)) {
                throw in.dataTruncated("no IEND chunk before the end of the file");
            }
            long length = in.u32be(pos);
            long type = in.u32be(pos + 4);
            if (length > Integer.MAX_VALUE) {
                throw in.corrupt("chunk '" + in.fourcc(pos + 4) + "' declares a length of " + length);
            }
            if (!in.has(pos, 12 + length)) {
                throw in.dataTruncated("chunk '" + in.fourcc(pos + 4) + "' runs past the end of the file");
            }
            if (type == IEND) {
                if (!sawImageData) {
                    throw in.corrupt("IEND comes before any IDAT chunk");
                }
                break;
            } else if (type == IDAT) {
                sawImageData = true;
            } else if (type == ACTL && length >= 8 && !sawImageData) {
                long declared = in.u32be(pos + 8);
                if (declared == 0) {
                    throw in.corrupt("the animation control chunk (acTL) declares 0 frames");
                }
                frames = (int) Math.min(declared, HeaderSniffer.FRAME_COUNT_CAP + 1L);
            } else if (type == TRNS) {
                transparency = true;
            } else if (type == ICCP) {
                icc = true;
            } else if (type == EXIF && orientation == 0) {
                orientation = ExifOrientation.read(in.array(), pos + 8, pos + 8 + length);
            }
            pos += 12 + length;
        }
        return in.image(ImageFormat.PNG, width, height, frames, Math.max(orientation, 1), transparency, colorSpace(colorType),
                0, icc);
    }

    private static String colorSpace(int colorType) {
        return switch (colorType) {
            case 0, 4 -> "GRAY";
            case 3 -> "PALETTE";
            default -> "RGB";
        };
    }
}
