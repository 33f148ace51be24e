package io.thumbler.image;

import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;

import java.util.Arrays;

/**
 * The EXIF orientation tag of an EXIF block (a TIFF structure), read with metadata-extractor.
 *
 * <p>EXIF is the one header structure here full of offsets, byte orders and value types, so a
 * well-kept parser reads it rather than our own code. Its input is capped at
 * {@link #MAX_EXIF_BYTES}: a JPEG APP1 segment cannot be longer, and a WebP EXIF chunk that is
 * longer still has IFD0, where the orientation lives, at its start. A block metadata-extractor
 * cannot read means orientation 1, the same as a file without EXIF: a wrong orientation is a
 * cosmetic defect, not a reason to refuse an image.
 */
final class ExifOrientation {

    static final int MAX_EXIF_BYTES = 64 * 1024;

    private ExifOrientation() {
    }

    /**
     * The orientation (1–8) in {@code bytes[from, to)}, which hold a TIFF header and its IFDs, or
     * the same after the JPEG APP1 identifier {@code Exif\0\0} (some writers put it into WebP and
     * PNG EXIF chunks too).
     */
    static int read(byte[] bytes, long from, long to) {
        if (to - from >= 6 && new HeaderBytes(bytes, "EXIF").ascii(from, "Exif\0\0")) {
            from += 6;
        }
        int length = (int) Math.min(to - from, MAX_EXIF_BYTES);
        if (from < 0 || length < 8 || from + length > bytes.length) {
            return 1;
        }
        try {
            Metadata metadata = new Metadata();
            byte[] exif = Arrays.copyOfRange(bytes, (int) from, (int) from + length);
            new ExifReader().extract(new ByteArrayReader(exif), metadata, 0);
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            Integer orientation = ifd0 == null ? null : ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
            return orientation != null && orientation >= 1 && orientation <= 8 ? orientation : 1;
        } catch (RuntimeException e) {
            return 1;
        }
    }
}
