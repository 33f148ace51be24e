package io.thumbler.image;

/**
 * Reads a WebP's canvas size from its first chunk (VP8 lossy, VP8L lossless or VP8X extended)
 * and, for VP8X, walks the remaining chunks to count animation frames (ANMF) and find alpha
 * (ALPH or the VP8X flag) and the EXIF orientation.
 *
 * <p>Frame counting stops at {@link HeaderSniffer#FRAME_COUNT_CAP} + 1; every chunk step advances
 * at least 8 bytes, so the walk is bounded by the file.
 */
final class WebpHeader {

    private static final int VP8X_ICC = 0x20;
    private static final int VP8X_ALPHA = 0x10;
    private static final int VP8X_ANIMATION = 0x02;

    private WebpHeader() {
    }

    static ImageHeader read(byte[] bytes) {
        HeaderBytes in = new HeaderBytes(bytes, "WebP");
        if (!in.has(12, 8)) {
            throw in.truncated();
        }
        long size = in.u32le(16);
        long body = 20;
        if (in.ascii(12, "VP8 ")) {
            requireChunk(in, 12, size);
            // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height (RFC 6386 §9.1).
            if (size < 10 || (in.u8(body) & 1) != 0 || in.u8(body + 3) != 0x9D
                    || in.u8(body + 4) != 0x01 || in.u8(body + 5) != 0x2A) {
                throw in.corrupt("the VP8 chunk does not start with a key frame");
            }
            // A simple (VP8 or VP8L only) file has no room for an ICC profile: that needs VP8X.
            return in.image(ImageFormat.WEBP, in.u16le(body + 6) & 0x3FFF, in.u16le(body + 8) & 0x3FFF,
                    1, 1, false, "RGB", 0, false);
        }
        if (in.ascii(12, "VP8L")) {
            requireChunk(in, 12, size);
            if (size < 5 || in.u8(body) != 0x2F) {
                throw in.corrupt("the VP8L chunk lacks its 0x2f signature");
            }
            long bits = in.u32le(body + 1);
            return in.image(ImageFormat.WEBP, (bits & 0x3FFF) + 1, (bits >> 14 & 0x3FFF) + 1, 1, 1,
                    (bits >> 28 & 1) != 0, "RGB", 0, false);
        }
        if (in.ascii(12, "VP8X")) {
            requireChunk(in, 12, size);
            if (size < 10) {
                throw in.corrupt("the VP8X chunk is " + size + " bytes long, not 10");
            }
            return readExtended(in, in.u8(body), in.u24le(body + 4) + 1L, in.u24le(body + 7) + 1L,
                    body + size + (size & 1));
        }
        throw in.corrupt("the first chunk is '" + in.fourcc(12) + "', not VP8, VP8L or VP8X");
    }

    private static ImageHeader readExtended(HeaderBytes in, int flags, long width, long height, long pos) {
        boolean animated = (flags & VP8X_ANIMATION) != 0;
        boolean alpha = (flags & VP8X_ALPHA) != 0;
        boolean sawImage = false;
        int frames = 0;
        int orientation = 1;
        while (in.has(pos, 8) && frames <= HeaderSniffer.FRAME_COUNT_CAP) {
            long size = in.u32le(pos + 4);
            requireChunk(in, pos, size);
            if (in.ascii(pos, "ANMF")) {
                frames++;
            } else if (in.ascii(pos, "VP8 ") || in.ascii(pos, "VP8L")) {
                sawImage = true;
            } else if (in.ascii(pos, "ALPH")) {
                alpha = true;
            } else if (in.ascii(pos, "EXIF") && orientation == 1) {
                orientation = ExifOrientation.read(in.array(), pos + 8, pos + 8 + size);
            }
            pos += 8 + size + (size & 1);
        }
        if (animated && frames == 0) {
            throw in.dataTruncated("the animation has no frames (ANMF) before the end of the file");
        }
        if (!animated && !sawImage) {
            throw in.dataTruncated("no image data (VP8 or VP8L) before the end of the file");
        }
        return in.image(ImageFormat.WEBP, width, height, animated ? frames : 1, orientation, alpha, "RGB", 0,
                (flags & VP8X_ICC) != 0);
    }

    /** A chunk's payload must fit in the file; its odd-size padding byte may be missing at the end. */
    private static void requireChunk(HeaderBytes in, long pos, long size) {
        if (!in.has(pos + 8, size)) {
            throw in.dataTruncated("chunk '" + in.fourcc(pos) + "' runs past the end of the file");
        }
    }
}
