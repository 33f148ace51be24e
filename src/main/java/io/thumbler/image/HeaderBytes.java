package io.thumbler.image;

import io.thumbler.error.ThumblerException;

import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked reads over the bytes of an original, shared by the per-format header readers.
 *
 * <p>Offsets are {@code long} so that an offset plus a length read from the file cannot overflow;
 * every read past the end throws the 422 "{@code <format> header is truncated}", so no reader
 * indexes out of bounds or trusts a length it has not checked against the file.
 */
final class HeaderBytes {

    private final byte[] bytes;
    private final String formatName;

    HeaderBytes(byte[] bytes, String formatName) {
        this.bytes = bytes;
        this.formatName = formatName;
    }

    byte[] array() {
        return bytes;
    }

    long length() {
        return bytes.length;
    }

    /** Whether {@code count} bytes starting at {@code offset} lie inside the file. */
    boolean has(long offset, long count) {
        return offset >= 0 && count >= 0 && offset <= bytes.length - count;
    }

    int u8(long offset) {
        require(offset, 1);
        return bytes[(int) offset] & 0xFF;
    }

    int u16be(long offset) {
        return u8(offset) << 8 | u8(offset + 1);
    }

    int u16le(long offset) {
        return u8(offset) | u8(offset + 1) << 8;
    }

    int u24le(long offset) {
        return u16le(offset) | u8(offset + 2) << 16;
    }

    long u32be(long offset) {
        return (long) u16be(offset) << 16 | u16be(offset + 2);
    }

    long u32le(long offset) {
        return u16le(offset) | (long) u16le(offset + 2) << 16;
    }

    /** Whether the bytes at {@code offset} are the ASCII text {@code text}; false past the end. */
    boolean ascii(long offset, String text) {
        if (!has(offset, text.length())) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if ((bytes[(int) offset + i] & 0xFF) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A four-character code (chunk or box type) for messages, with unprintable bytes escaped. */
    String fourcc(long offset) {
        StringBuilder s = new StringBuilder(4);
        for (int i = 0; i < 4 && has(offset + i, 1); i++) {
            int c = u8(offset + i);
            s.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return s.toString();
    }

    String text(long offset, int count) {
        require(offset, count);
        return new String(bytes, (int) offset, count, StandardCharsets.ISO_8859_1);
    }

    ThumblerException truncated() {
        return fail(formatName + " header is truncated");
    }

    ThumblerException truncated(String where) {
        return fail(formatName + " header is truncated (" + where + ")");
    }

    ThumblerException dataTruncated(String where) {
        return fail(formatName + " data is truncated (" + where + ")");
    }

    ThumblerException corrupt(String what) {
        return fail(formatName + " header is corrupt: " + what);
    }

    /**
     * The header of a validated image; a width or height outside 1…2³¹−1 is a corrupt header,
     * because no decoder Thumbler uses accepts it and {@link ImageHeader} holds {@code int}s.
     */
    ImageHeader image(ImageFormat format, long width, long height, int frames, int orientation,
                      boolean hasAlpha, String colorSpace) {
        return image(format, width, height, frames, orientation, hasAlpha, colorSpace, 0, true);
    }

    /** @param iccProfile false only when the reader saw every place a profile could be and found none */
    ImageHeader image(ImageFormat format, long width, long height, int frames, int orientation,
                      boolean hasAlpha, String colorSpace, int primaryFrame, boolean iccProfile) {
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw corrupt("it declares a size of " + width + "x" + height);
        }
        return new ImageHeader(format, (int) width, (int) height, frames, orientation, hasAlpha, colorSpace, primaryFrame,
                iccProfile);
    }

    private void require(long offset, long count) {
        if (!has(offset, count)) {
            throw truncated();
        }
    }

    private static ThumblerException fail(String message) {
        return ThumblerException.badOriginal(message);
    }
}
