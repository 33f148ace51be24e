package io.thumbler.image;

/**
 * Reads a JPEG's frame header (SOFn), EXIF orientation and Adobe colour transform by walking its
 * marker segments, and checks that the scan data ends with an end-of-image marker.
 *
 * <p>The walk stops at the first scan (SOS); everything it needs comes before it. The end-of-image
 * check matters because ImageMagick 6.9.11 renders a JPEG cut short with exit code 0, painting
 * the missing part grey (verified on LadyBird.jpg cut at 50 % and 90 %): without it a truncated
 * download would become a cached, half-grey thumbnail.
 */
final class JpegHeader {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;

    private JpegHeader() {
    }

    static ImageHeader read(byte[] bytes) {
        HeaderBytes in = new HeaderBytes(bytes, "JPEG");
        long pos = 2;
        long[] frame = null; // height, width, components
        int orientation = 1;
        boolean exifSeen = false;
        boolean icc = false;
        int adobeTransform = -1;
        while (true) {
            if (in.u8(pos) != 0xFF) {
                throw in.corrupt(String.format("expected a marker at byte %d, found 0x%02x", pos, in.u8(pos)));
            }
            while (in.u8(pos) == 0xFF) {
                pos++; // fill bytes may precede any marker
            }
            int marker = in.u8(pos++);
            if (marker == SOI || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // markers without a length
            }
            if (marker == EOI) {
                throw in.corrupt("the image ends before its " + (frame == null ? "frame header (SOF)" : "scan data"));
            }
            int length = in.u16be(pos);
            if (length < 2) {
                throw in.corrupt(String.format("segment 0x%02x at byte %d has length %d", marker, pos - 2, length));
            }
            long body = pos + 2;
            long end = pos + length;
            if (!in.has(pos, length)) {
                throw in.truncated(String.format("segment 0x%02x runs past the end of the file", marker));
            }
            if (isStartOfFrame(marker) && frame == null) {
                frame = readFrame(in, body, length - 2);
            } else if (marker == APP2 && in.ascii(body, "ICC_PROFILE\0")) {
                icc = true;
            } else if (marker == APP1 && !exifSeen && in.ascii(body, "Exif\0\0")) {
                exifSeen = true;
                orientation = ExifOrientation.read(bytes, body + 6, end);
            } else if (marker == APP14 && length >= 14 && in.ascii(body, "Adobe")) {
                adobeTransform = in.u8(body + 11);
            } else if (marker == SOS) {
                if (frame == null) {
                    throw in.corrupt("scan data starts before the frame header (SOF)");
                }
                requireEndOfImage(in, end);
                // An ICC profile is stored in APP2 segments, which come before the scan.
                return in.image(ImageFormat.JPEG, frame[1], frame[0], 1, orientation, false,
                        colorSpace((int) frame[2], adobeTransform), 0, icc);
            }
            pos = end;
        }
    }

    /** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static long[] readFrame(HeaderBytes in, long body, int length) {
        if (length < 6) {
            throw in.corrupt("the frame header (SOF) is " + length + " bytes long");
        }
        int height = in.u16be(body + 1);
        int width = in.u16be(body + 3);
        int components = in.u8(body + 5);
        if (height == 0) {
            // A zero height defers it to a DNL marker after the first scan; libjpeg-turbo refuses those.
            throw in.corrupt("the frame header (SOF) declares a height of 0");
        }
        return new long[] {height, width, components};
    }

    /**
     * An EOI marker must follow the first scan. Entropy-coded data cannot contain FF D9 (a data
     * FF is always followed by 00), so searching backwards from the end finds it at once in a
     * complete file, and an EXIF thumbnail's EOI (which lies before the scan) does not count.
     */
    private static void requireEndOfImage(HeaderBytes in, long scanStart) {
        byte[] b = in.array();
        for (int i = b.length - 2; i >= scanStart; i--) {
            if (b[i] == (byte) 0xFF && b[i + 1] == (byte) EOI) {
                return;
            }
        }
        throw in.dataTruncated("no end-of-image marker after the scan data");
    }

    private static String colorSpace(int components, int adobeTransform) {
        return switch (components) {
            case 1 -> "GRAY";
            case 3 -> "RGB";
            case 4 -> adobeTransform == 2 ? "YCCK" : "CMYK";
            default -> "UNKNOWN";
        };
    }
}
