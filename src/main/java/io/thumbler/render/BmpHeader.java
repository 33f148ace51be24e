package io.thumbler.render;

/**
 * Reads a BMP's size and bit depth from its DIB header (BITMAPCOREHEADER or BITMAPINFOHEADER and
 * its successors). A negative height means rows are stored top-down; the size is its magnitude.
 */
final class BmpHeader {

    private BmpHeader() {
    }

    static ImageHeader read(byte[] bytes) {
        HeaderBytes in = new HeaderBytes(bytes, "BMP");
        long dibSize = in.u32le(14);
        long width;
        long height;
        int bitsPerPixel;
        if (dibSize == 12) {
            width = in.u16le(18);
            height = in.u16le(20);
            bitsPerPixel = in.u16le(24);
        } else if (dibSize >= 40) {
            width = (int) in.u32le(18);
            height = Math.abs((long) (int) in.u32le(22));
            bitsPerPixel = in.u16le(28);
        } else {
            throw in.corrupt("its DIB header is " + dibSize + " bytes long");
        }
        // BITMAPV4HEADER and later carry an alpha mask at offset 14 + 52.
        boolean alpha = bitsPerPixel == 32 && dibSize >= 56 && in.u32le(66) != 0;
        return in.image(ImageFormat.BMP, width, height, 1, 1, alpha, bitsPerPixel <= 8 ? "PALETTE" : "RGB");
    }
}
