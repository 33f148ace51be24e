package io.thumbler.image;

/**
 * Reads a Windows icon (ICO): a directory of images, each a PNG or a DIB (a BMP without its file
 * header, twice as high as the icon because an AND mask follows the colours).
 *
 * <p>The directory's own one-byte width and height are not trusted: each entry's PNG IHDR or DIB
 * header is read, because that is what the decoder allocates for, and a PNG inside an ICO may
 * declare any size. Every entry's data must lie inside the file. The header reports the largest
 * entry (by area, the later one on a tie) and names it as the primary frame, the one Thumbler
 * renders, as imgproxy does, so the directory is read once, here; frames are the number of entries,
 * so the resolution limit covers every entry ImageMagick decodes on its way to the chosen one.
 * Icons are reported as having alpha: every entry carries an alpha channel or a transparency mask.
 */
public final class IcoHeader {

    private static final int DIRECTORY_ENTRY = 16;

    private record Entry(int index, long width, long height) {
        double area() {
            return (double) width * height;
        }
    }

    private IcoHeader() {
    }

    /** Reserved 0, type 1 (icon; 2 would be a cursor, which Thumbler does not read), at least one entry. */
    static boolean isIco(byte[] bytes) {
        return bytes.length >= 6 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 1 && bytes[3] == 0
                && (bytes[4] != 0 || bytes[5] != 0);
    }

    static ImageHeader read(byte[] bytes) {
        HeaderBytes in = new HeaderBytes(bytes, "ICO");
        int count = in.u16le(4);
        Entry largest = largest(in, count);
        return in.image(ImageFormat.ICO, largest.width, largest.height, Math.min(count, HeaderSniffer.FRAME_COUNT_CAP + 1), 1, true,
                "RGB", largest.index, true);
    }

    private static Entry largest(HeaderBytes in, int entries) {
        int count = entries;
        if (count > HeaderSniffer.FRAME_COUNT_CAP) {
            // Refused by the frame limit; the first entry stands for the rest.
            count = 1;
        }
        if (!in.has(6, (long) DIRECTORY_ENTRY * count)) {
            throw in.truncated("the directory of " + count + " entries runs past the end of the file");
        }
        Entry largest = null;
        for (int i = 0; i < count; i++) {
            Entry entry = entry(in, i);
            if (largest == null || entry.area() >= largest.area()) {
                largest = entry;
            }
        }
        return largest;
    }

    private static Entry entry(HeaderBytes in, int index) {
        long dir = 6 + (long) DIRECTORY_ENTRY * index;
        long size = in.u32le(dir + 8);
        long offset = in.u32le(dir + 12);
        if (!in.has(offset, size)) {
            throw in.dataTruncated("entry " + index + "'s " + size + " bytes at byte " + offset
                    + " run past the end of the file");
        }
        // ImageMagick's icon reader, too, takes an entry starting 0x89 'PNG' for a PNG.
        if (size >= 24 && in.u8(offset) == 0x89 && in.ascii(offset + 1, "PNG")) {
            if (in.u32be(offset + 12) != 0x49484452L) {
                throw in.corrupt("entry " + index + " is a PNG without an IHDR chunk first");
            }
            return new Entry(index, in.u32be(offset + 16), in.u32be(offset + 20));
        }
        if (size < 40 || in.u32le(offset) < 40) {
            throw in.corrupt("entry " + index + " is neither a PNG nor a bitmap with a 40-byte header");
        }
        long width = (int) in.u32le(offset + 4);
        long height = (int) in.u32le(offset + 8);
        if (width <= 0 || height <= 0) {
            throw in.corrupt("entry " + index + " declares a bitmap of " + width + "x" + height);
        }
        // The DIB's height counts the colour rows and the AND mask's rows.
        return new Entry(index, width, Math.max(1, height / 2));
    }
}
