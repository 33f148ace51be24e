package io.thumbler.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the size of an AVIF or HEIC (HEIF, ISO-BMFF) image from the image spatial extents
 * ({@code ispe}) property of its primary item: {@code meta → pitm} names the item,
 * {@code meta → iprp → ipma} lists its properties, {@code meta → iprp → ipco} holds them.
 *
 * <p>Only the {@code meta} box is read, never the image data. Without a usable association the
 * largest {@code ispe} counts, which errs towards refusing. Orientation is reported as 1:
 * libheif applies the {@code irot}/{@code imir} transforms itself while decoding. Frames are
 * reported as 1: image sequences keep theirs in tracks, which are not read (both formats are
 * refused as originals by default; see {@link SourceLimits}).
 */
final class HeifHeader {

    private static final long META = 0x6D657461L;
    private static final long PITM = 0x7069746DL;
    private static final long IPRP = 0x69707270L;
    private static final long IPCO = 0x6970636FL;
    private static final long IPMA = 0x69706D61L;
    private static final long ISPE = 0x69737065L;
    private static final long AUXC = 0x61757843L;

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
        for (Box child : children(in, meta.body + 4, meta.end)) { // meta is a full box
            if (child.type == PITM) {
                primary = in.u8(child.body) == 0 ? in.u16be(child.body + 4) : in.u32be(child.body + 4);
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
        List<Integer> associated = ipma == null || primary < 0 ? List.of() : associations(in, ipma, primary);
        long width = 0;
        long height = 0;
        boolean alpha = false;
        int index = 0;
        for (Box property : children(in, ipco.body, ipco.end)) {
            index++;
            if (property.type == ISPE && in.has(property.body, 12)) {
                long w = in.u32be(property.body + 4);
                long h = in.u32be(property.body + 8);
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
        return in.image(format, width, height, 1, 1, alpha, "RGB");
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
