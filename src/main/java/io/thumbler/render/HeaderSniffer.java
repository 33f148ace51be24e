package io.thumbler.render;

import io.thumbler.error.ThumblerException;

/** Minimal header reader for the four web formats; the full sniffer with limits and EXIF replaces it. */
public final class HeaderSniffer {
    private HeaderSniffer() {
    }

    public static ImageHeader sniff(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8) {
            int i = 2;
            while (i + 9 < b.length) {
                int m = b[i + 1] & 0xff;
                int len = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
                if (m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc) {
                    int h = ((b[i + 5] & 0xff) << 8) | (b[i + 6] & 0xff);
                    int w = ((b[i + 7] & 0xff) << 8) | (b[i + 8] & 0xff);
                    return new ImageHeader(ImageFormat.JPEG, w, h, 1, 1, false, (b[i + 9] & 0xff) == 4 ? "CMYK" : "RGB");
                }
                i += 2 + len;
            }
        }
        if (b.length > 24 && b[0] == (byte) 0x89 && b[1] == 'P') {
            int w = ((b[16] & 0xff) << 24) | ((b[17] & 0xff) << 16) | ((b[18] & 0xff) << 8) | (b[19] & 0xff);
            int h = ((b[20] & 0xff) << 24) | ((b[21] & 0xff) << 16) | ((b[22] & 0xff) << 8) | (b[23] & 0xff);
            return new ImageHeader(ImageFormat.PNG, w, h, 1, 1, false, "RGB");
        }
        if (b.length > 10 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') {
            return new ImageHeader(ImageFormat.GIF, (b[6] & 0xff) | ((b[7] & 0xff) << 8), (b[8] & 0xff) | ((b[9] & 0xff) << 8), 1, 1, false, "PALETTE");
        }
        if (b.length > 30 && b[8] == 'W' && b[9] == 'E' && b[12] == 'V' && b[15] == ' ') {
            int w = ((b[26] & 0xff) | ((b[27] & 0xff) << 8)) & 0x3fff;
            int h = ((b[28] & 0xff) | ((b[29] & 0xff) << 8)) & 0x3fff;
            return new ImageHeader(ImageFormat.WEBP, w, h, 1, 1, false, "RGB");
        }
        if (b.length > 30 && b[8] == 'W' && b[9] == 'E' && b[15] == 'L') {
            int bits = (b[21] & 0xff) | ((b[22] & 0xff) << 8) | ((b[23] & 0xff) << 16) | ((b[24] & 0xff) << 24);
            return new ImageHeader(ImageFormat.WEBP, (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1, 1, 1, true, "RGB");
        }
        throw ThumblerException.unprocessable("not an image");
    }
}
