package io.thumbler.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the size of an AVIF or HEIC (HEIF, ISO-BMFF) image from the image spatial extents
 * ({@code ispe}) property of its primary item: {@code meta → pitm} names the item,
 * {@code meta → iprp → ipma} lists its properties, {@code meta → iprp → ipco} holds them.
 *
 * <p>Only the {@code meta} box is read, never the image data. Without a usable association the
 * largest {@code ispe} counts, which errs towards refusing. No item may be wider or higher than the
 * primary image's side rounded up to a multiple of {@value #ITEM_SLACK}: encoders pad the coded
 * picture to their block size (heif-enc codes a 50×70 image as 64×70 and crops it back) and a
 * grid's tiles may overhang its edge, but no thumbnail, tile or alpha plane of a real file is larger
 * than that, so the limits checked against the primary image bound every picture the decoder builds.
 *
 * <p>The size reported is the size libheif delivers: it applies the primary item's clean aperture
 * ({@code clap}, a crop) and rotation ({@code irot}) and mirroring ({@code imir}) while decoding
 * (verified with ImageMagick 6.9.11 and libheif 1.15: an AVIF with {@code irot} 1 stored as
 * 200×100 comes out 100×200), so a rotation by 90° or 270° swaps the sides and the orientation is
 * reported as 1. An EXIF orientation inside the file is ignored, as libheif and libvips (imgproxy)
 * ignore it: {@code irot}/{@code imir} are the HEIF way to say it.
 *
 * <p>Every extent the item locations ({@code iloc}) place in this file must lie inside it, so a
 * truncated file is refused here rather than by the decoder. Frames are reported as 1: ImageMagick
 * decodes the primary image only; sequences keep further frames in tracks, which are not read.
 */
final class HeifHeader {

    private static final long META = 0x6D657461L;
    private static final long PITM = 0x7069746DL;
    private static final long IPRP = 0x69707270L;
    private static final long IPCO = 0x6970636FL;
    private static final long IPMA = 0x69706D61L;
    private static final long ISPE = 0x69737065L;
    private static final long AUXC = 0x61757843L;
    private static final long IROT = 0x69726F74L;
    private static final long CLAP = 0x636C6170L;
    private static final long ILOC = 0x696C6F63L;
    private static final long ITEM_SLACK = 256;

    private record Box(long type, long start, long body, long end) {
    }

    private HeifHeader() {
    }

    static ImageHeader read(byte[] bytes, ImageFormat format) {
        HeaderBytes in = new HeaderBytes(bytes, format == ImageFormat.AVIF ? "AVIF" : "HEIC");
        Box meta = null;
        for (long pos = 0; meta == null; ) {
            if (!in.has(pos, 8)) {
                throw in.truncated("no 'meta' box before the end of the file");
            }
            Box box = box(in, pos, in.length());
            if (box.type == META) {
                meta = box;
            }
            pos = box.end;
        }
        long primary = -1;
        Box ipco = null;
        Box ipma = null;
        Box iloc = null;
        for (Box child : children(in, meta.body + 4, meta.end)) { // meta is a full box
            if (child.type == PITM) {
                primary = in.u8(child.body) == 0 ? in.u16be(child.body + 4) : in.u32be(child.body + 4);
            } else if (child.type == ILOC) {
                iloc = child;
            } else if (child.type == IPRP) {
                for (Box property : children(in, child.body, child.end)) {
                    ipco = property.type == IPCO ? property : ipco;
                    ipma = property.type == IPMA ? property : ipma;
                }
            }
        }
        if (ipco == null) {
            throw in.corrupt("no item properties (ipco box)");
        }
        if (iloc != null) {
            checkExtents(in, iloc);
        }
        List<Box> properties = children(in, ipco.body, ipco.end);
        List<Integer> associated = ipma == null || primary < 0 ? List.of() : associations(in, ipma, primary);
        long width = 0;
        long height = 0;
        long widest = 0;
        long highest = 0;
        boolean alpha = false;
        int index = 0;
        for (Box property : properties) {
            index++;
            if (property.type == ISPE && in.has(property.body, 12)) {
                long w = in.u32be(property.body + 4);
                long h = in.u32be(property.body + 8);
                widest = Math.max(widest, w);
                highest = Math.max(highest, h);
                if (associated.contains(index) || (associated.isEmpty() && (double) w * h > (double) width * height)) {
                    width = w;
                    height = h;
                }
            } else if (property.type == AUXC) {
                String urn = in.text(property.body, (int) Math.min(property.end - property.body, 256));
                alpha |= urn.contains("auxiliary:alpha") || urn.contains("auxid:1");
            }
        }
        if (width == 0 && height == 0) {
            throw in.corrupt("no image size (ispe property) for the primary image");
        }
        if (widest > roundUp(width) || highest > roundUp(height)) {
            throw in.corrupt("an item declares " + widest + " pixels wide or " + highest
                    + " high, more than the primary image's " + width + "x" + height + " allows");
        }
        // The transforms apply in the order the item's associations list them.
        for (int i : associated) {
            Box property = i >= 1 && i <= properties.size() ? properties.get(i - 1) : null;
            if (property != null && property.type == IROT && in.has(property.body, 1) && (in.u8(property.body) & 1) == 1) {
                long w = width;
                width = height;
                height = w;
            } else if (property != null && property.type == CLAP && in.has(property.body, 16)) {
                width = apertureSide(in, property.body, width);
                height = apertureSide(in, property.body + 8, height);
            }
        }
        return in.image(format, width, height, 1, 1, alpha, "RGB");
    }

    private static long roundUp(long side) {
        return (side + ITEM_SLACK - 1) / ITEM_SLACK * ITEM_SLACK;
    }

    /**
     * A clean aperture side, {@code numerator / denominator} rounded as libheif rounds it; a side
     * that is not a positive fraction within the image leaves the image's own.
     */
    private static long apertureSide(HeaderBytes in, long at, long side) {
        long numerator = (int) in.u32be(at);
        long denominator = (int) in.u32be(at + 4);
        if (numerator <= 0 || denominator <= 0) {
            return side;
        }
        long clean = (numerator + denominator / 2) / denominator;
        return clean >= 1 && clean <= side ? clean : side;
    }

    /**
     * Every extent an item location places in this file (construction method 0) must end inside
     * it; versions 0–2 of the {@code iloc} box (ISO/IEC 14496-12 §8.11.3).
     */
    private static void checkExtents(HeaderBytes in, Box iloc) {
        int version = in.u8(iloc.body);
        long pos = iloc.body + 4;
        int sizes = in.u16be(pos);
        int offsetSize = sizes >> 12 & 0xF;
        int lengthSize = sizes >> 8 & 0xF;
        int baseOffsetSize = sizes >> 4 & 0xF;
        int indexSize = version >= 1 ? sizes & 0xF : 0;
        pos += 2;
        long items = version < 2 ? in.u16be(pos) : in.u32be(pos);
        pos += version < 2 ? 2 : 4;
        for (long item = 0; item < items && pos < iloc.end; item++) {
            long id = version < 2 ? in.u16be(pos) : in.u32be(pos);
            pos += version < 2 ? 2 : 4;
            int construction = 0;
            if (version >= 1) {
                construction = in.u16be(pos) & 0xF;
                pos += 2;
            }
            pos += 2; // data reference index
            long base = sized(in, pos, baseOffsetSize);
            pos += baseOffsetSize;
            int extents = in.u16be(pos);
            pos += 2;
            for (int e = 0; e < extents; e++) {
                pos += indexSize;
                long offset = sized(in, pos, offsetSize);
                pos += offsetSize;
                long length = sized(in, pos, lengthSize);
                pos += lengthSize;
                if (construction == 0 && !in.has(base + offset, length)) {
                    throw in.dataTruncated("item " + id + "'s data runs past the end of the file");
                }
            }
        }
    }

    /** An unsigned big-endian field of 0, 4 or 8 bytes; 8-byte values over 2⁶³ read as past any file. */
    private static long sized(HeaderBytes in, long pos, int size) {
        return switch (size) {
            case 0 -> 0;
            case 4 -> in.u32be(pos);
            case 8 -> in.u32be(pos) != 0 ? Long.MAX_VALUE / 2 : in.u32be(pos + 4);
            default -> throw in.corrupt("an item location field is " + size + " bytes long");
        };
    }

    /** The property indices (1-based into ipco) associated with {@code item}. */
    private static List<Integer> associations(HeaderBytes in, Box ipma, long item) {
        int version = in.u8(ipma.body);
        boolean wideIndex = (in.u8(ipma.body + 3) & 1) != 0;
        long entries = in.u32be(ipma.body + 4);
        long pos = ipma.body + 8;
        for (long e = 0; e < entries && pos < ipma.end; e++) {
            long id = version < 1 ? in.u16be(pos) : in.u32be(pos);
            pos += version < 1 ? 2 : 4;
            int count = in.u8(pos++);
            List<Integer> indices = new ArrayList<>(count);
            for (int a = 0; a < count; a++) {
                indices.add(wideIndex ? in.u16be(pos) & 0x7FFF : in.u8(pos) & 0x7F);
                pos += wideIndex ? 2 : 1;
            }
            if (id == item) {
                return indices;
            }
        }
        return List.of();
    }

    private static List<Box> children(HeaderBytes in, long pos, long end) {
        List<Box> boxes = new ArrayList<>();
        while (pos + 8 <= end) {
            Box box = box(in, pos, end);
            boxes.add(box);
            pos = box.end;
        }
        return boxes;
    }

    private static Box box(HeaderBytes in, long pos, long limit) {
        long size = in.u32be(pos);
        long body = pos + 8;
        if (size == 1) {
            if (in.u32be(pos + 8) != 0) {
                throw in.corrupt("box '" + in.fourcc(pos + 4) + "' at byte " + pos + " declares a size over 4 GiB");
            }
            size = in.u32be(pos + 12);
            body = pos + 16;
        } else if (size == 0) {
            size = limit - pos; // "to the end of the enclosing box"
        }
        if (size < body - pos || pos + size > limit) {
            if (pos + size > in.length()) {
                throw in.truncated("box '" + in.fourcc(pos + 4) + "' runs past the end of the file");
            }
            throw in.corrupt("box '" + in.fourcc(pos + 4) + "' at byte " + pos + " declares a size of " + size);
        }
        return new Box(in.u32be(pos + 4), pos, body, pos + size);
    }
}
