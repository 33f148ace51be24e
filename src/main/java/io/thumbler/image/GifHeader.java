package io.thumbler.image;

/**
 * Reads a GIF's logical screen, counts its image descriptors and notes transparency.
 *
 * <p>The size reported is the logical screen grown to cover every frame counted, because a
 * decoder allocates a frame at the frame's own size whatever the screen says. Counting stops at
 * {@link HeaderSniffer#FRAME_COUNT_CAP} + 1 frames, so a 10 000-frame GIF costs a thousand block
 * skips. As browsers do, a GIF that ends (or turns to garbage) after at least one frame is read
 * up to that point; a missing trailer is common and harmless.
 */
final class GifHeader {

    private static final int EXTENSION = 0x21;
    private static final int IMAGE = 0x2C;
    private static final int TRAILER = 0x3B;
    private static final int GRAPHIC_CONTROL = 0xF9;

    private GifHeader() {
    }

    static ImageHeader read(byte[] bytes) {
        HeaderBytes in = new HeaderBytes(bytes, "GIF");
        if (!in.has(0, 13)) {
            throw in.truncated();
        }
        long width = in.u16le(6);
        long height = in.u16le(8);
        long pos = 13 + colorTableBytes(in.u8(10));
        int frames = 0;
        boolean transparency = false;
        while (frames <= HeaderSniffer.FRAME_COUNT_CAP && in.has(pos, 1)) {
            int block = in.u8(pos);
            if (block == TRAILER) {
                break;
            } else if (block == EXTENSION && in.has(pos, 2)) {
                if (in.u8(pos + 1) == GRAPHIC_CONTROL && in.has(pos + 2, 2) && in.u8(pos + 2) >= 1) {
                    transparency |= (in.u8(pos + 3) & 1) != 0;
                }
                pos = skipSubBlocks(in, pos + 2);
            } else if (block == IMAGE && in.has(pos, 10)) {
                width = Math.max(width, (long) in.u16le(pos + 1) + in.u16le(pos + 5));
                height = Math.max(height, (long) in.u16le(pos + 3) + in.u16le(pos + 7));
                frames++;
                pos = skipSubBlocks(in, pos + 10 + colorTableBytes(in.u8(pos + 9)) + 1);
            } else if (frames == 0) {
                throw in.corrupt(String.format("unknown block 0x%02x at byte %d", block, pos));
            } else {
                break;
            }
            if (pos < 0) {
                break;
            }
        }
        if (frames == 0) {
            throw in.dataTruncated("no image before the end of the file");
        }
        return in.image(ImageFormat.GIF, width, height, frames, 1, transparency, "PALETTE");
    }

    private static long colorTableBytes(int packed) {
        return (packed & 0x80) == 0 ? 0 : 3L << ((packed & 0x07) + 1);
    }

    /** The offset after a chain of data sub-blocks starting at {@code pos}, or -1 if it runs out. */
    private static long skipSubBlocks(HeaderBytes in, long pos) {
        while (in.has(pos, 1)) {
            int size = in.u8(pos);
            pos += 1 + size;
            if (size == 0) {
                return pos;
            }
        }
        return -1;
    }
}
