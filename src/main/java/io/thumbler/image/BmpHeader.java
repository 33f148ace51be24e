package io.thumbler.image;

import java.util.Locale;

/**
 * Reads a BMP's size and bit depth from its DIB header (BITMAPCOREHEADER or BITMAPINFOHEADER and
 * its successors). A negative height means rows are stored top-down; the size is its magnitude.
 *
 * <p>Only uncompressed, bit-field and run-length (RLE8, RLE4) bitmaps are accepted; a BMP that
 * wraps a JPEG or PNG stream is refused. The pixel data must lie inside the file: for uncompressed
 * bitmaps every row the header declares, for run-length ones the declared data size.
 */
final class BmpHeader {

    private static final int RGB = 0;
    private static final int RLE8 = 1;
    private static final int RLE4 = 2;
    private static final int BITFIELDS = 3;

    private BmpHeader() {
    }

    static ImageHeader read(byte[] bytes) {
        HeaderBytes in = new HeaderBytes(bytes, "BMP");
        long dataOffset = in.u32le(10);
        long dibSize = in.u32le(14);
        long width;
        long height;
        int bitsPerPixel;
        long compression = RGB;
        long dataSize = 0;
        if (dibSize == 12) {
            width = in.u16le(18);
            height = in.u16le(20);
            bitsPerPixel = in.u16le(24);
        } else if (dibSize >= 40) {
            width = (int) in.u32le(18);
            height = Math.abs((long) (int) in.u32le(22));
            bitsPerPixel = in.u16le(28);
            compression = in.u32le(30);
            dataSize = in.u32le(34);
        } else {
            throw in.corrupt("its DIB header is " + dibSize + " bytes long");
        }
        if (compression != RGB && compression != RLE8 && compression != RLE4 && compression != BITFIELDS) {
            throw in.corrupt("compression " + compression + " is not one Thumbler reads (only uncompressed, "
                    + "bit fields, RLE8 and RLE4)");
        }
        if (bitsPerPixel != 1 && bitsPerPixel != 4 && bitsPerPixel != 8 && bitsPerPixel != 16
                && bitsPerPixel != 24 && bitsPerPixel != 32) {
            throw in.corrupt(bitsPerPixel + " bits per pixel");
        }
        // BITMAPV4HEADER and later carry an alpha mask at offset 14 + 52.
        boolean alpha = bitsPerPixel == 32 && dibSize >= 56 && in.u32le(66) != 0;
        ImageHeader header = in.image(ImageFormat.BMP, width, height, 1, 1, alpha, bitsPerPixel <= 8 ? "PALETTE" : "RGB");
        // In double: an uncompressed 2³¹-pixel square would overflow a long.
        double needed = compression == RLE8 || compression == RLE4
                ? Math.max(dataSize, 1)
                : (double) ((width * bitsPerPixel + 31) / 32 * 4) * height;
        if (dataOffset > in.length() || needed > in.length() - dataOffset) {
            throw in.dataTruncated(String.format(Locale.ROOT, "the pixel data needs %.0f bytes from byte %d; "
                    + "the file has %d", needed, dataOffset, in.length()));
        }
        return header;
    }
}
