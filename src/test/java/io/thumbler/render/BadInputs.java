package io.thumbler.render;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The known bad originals, built in Java at test time (never checked
 * in, except a truncated HEIC from the corpus): pixel-flood headers, decompression bombs,
 * truncations, too many pages, and foreign formats named {@code .jpg}.
 *
 * <p>Public so that the end-to-end tests in {@code io.thumbler.it} send the same files through the server.
 */
public final class BadInputs {

    static final Path CONVERT = Path.of("/usr/bin/convert");

    private BadInputs() {
    }

    /** The compression bombs take a second or more each to deflate: built once per test JVM, when first used. */
    private static final class ZeroBomb {
        static final byte[] BYTES = zeroPng(30000, 30000, 1);
    }

    private static final class AreaBomb {
        static final byte[] BYTES = zeroPng(8000, 8000, 8);
    }

    private static final class ZtxtBomb {
        static final byte[] BYTES = png(ihdr(1, 1, 8, 0),
                chunk("zTXt", concat("Comment\0\0".getBytes(StandardCharsets.ISO_8859_1),
                        deflateRepeated((byte) 'A', 200 << 20))),
                chunk("IDAT", deflate(new byte[2])));
    }

    /** One compression bomb by its fixture name, built on first use. */
    public static byte[] bomb(String name) {
        return switch (name) {
            case "png_zbomb_30000x30000_1bit.png" -> ZeroBomb.BYTES;
            case "png_area_8000x8000.png" -> AreaBomb.BYTES;
            case "png_ztxt_bomb.png" -> ZtxtBomb.BYTES;
            default -> throw new IllegalArgumentException(name);
        };
    }

    public static final List<String> BOMBS = List.of("png_zbomb_30000x30000_1bit.png", "png_area_8000x8000.png",
            "png_ztxt_bomb.png");

    /**
     * Writes every fixture into {@code dir}, except the compression bombs, which {@link #writeBomb}
     * writes on demand; the SVG SSRF case points at {@code canaryPort}.
     */
    public static Map<String, Path> writeAll(Path dir, int canaryPort, Path victim) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("png_header_50000x50000.png", png(ihdr(50000, 50000, 8, 0), chunk("IDAT", deflate(new byte[64]))));
        byte[] jpeg = jpeg(64, 48);
        files.put("jpeg_sof_65500x65500.jpg", patchSof(jpeg, 65500, 65500));
        byte[] photo = jpeg(320, 240);
        files.put("jpeg_truncated_half.jpg", Arrays.copyOf(photo, photo.length / 2));
        files.put("jpeg_truncated_in_header.jpg", Arrays.copyOf(photo, 200));
        files.put("jpeg_soi_only.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8});
        files.put("gif_10000_frames.gif", gif(10000, 1, 1));
        files.put("gif_screen_65535.gif", gif(1, 65535, 65535));
        files.put("webp_header_16384.webp", webpLossless(16384, 16384));
        files.put("zero_bytes.jpg", new byte[0]);
        files.put("html_as_image.jpg", ascii("<!doctype html><h1>404</h1>"));
        files.put("random_4k.bin", random(4096));
        files.put("png_truncated_100.png", Arrays.copyOf(Files.readAllBytes(Path.of(System.getProperty("thumbler.samples", "samples"), "moonlight-glow.png")), 100));
        files.put("gif_js_polyglot.gif", ascii("GIF89a/*\u0001\u0000\u0000\u0000\u0000*/=1;alert(1)"));
        files.put("svg_localfile_as.jpg", ascii("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\""
                + " xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"64\" height=\"48\">"
                + "<image xlink:href=\"" + victim + "\" width=\"64\" height=\"48\"/></svg>"));
        files.put("svg_ssrf_as.jpg", ascii("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
                + " width=\"64\" height=\"48\"><image xlink:href=\"http://127.0.0.1:" + canaryPort + "/x.png\""
                + " width=\"64\" height=\"48\"/></svg>"));
        files.put("svg_xxe_as.jpg", ascii("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"48\"><text y=\"20\">&x;</text></svg>"));
        files.put("mvg_text_as.jpg", ascii("push graphic-context\nviewbox 0 0 64 48\n"
                + "image over 0,0 0,0 'text:/etc/passwd'\npop graphic-context\n"));
        files.put("mvg_ephemeral_as.jpg", ascii("push graphic-context\nviewbox 0 0 64 48\n"
                + "image over 0,0 0,0 'ephemeral:" + victim + "'\npop graphic-context\n"));
        files.put("msl_as.jpg", ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<image>\n<read filename=\"" + victim
                + "\"/>\n<write filename=\"" + victim + ".written\"/>\n</image>\n"));
        files.put("txt_as.jpg", ascii("# ImageMagick pixel enumeration: 1,1,255,srgb\n0,0: (255,0,0)  #FF0000  red\n"));
        files.put("pdf_as.jpg", ascii("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"));
        files.put("eps_fileread_as.jpg", ascii("%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 64 48\n"
                + "(/etc/passwd) (r) file 100 string readstring pop print\nshowpage\n"));
        Map<String, Path> written = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            written.put(file.getKey(), Files.write(dir.resolve(file.getKey()), file.getValue()));
        }
        Path miff = dir.resolve("miff_as.jpg");
        convertUnderSystemPolicy("-size", "64x48", "gradient:", "miff:" + miff);
        written.put(miff.getFileName().toString(), miff);
        for (Map.Entry<String, byte[]> file : formatCases().entrySet()) {
            written.put(file.getKey(), Files.write(dir.resolve(file.getKey()), file.getValue()));
        }
        return written;
    }

    /**
     * The bad cases of the formats beyond the web four: truncated, a declared pixel flood, too many
     * pages or entries. All built here, except park.heic, a real phone photo that was cut short.
     */
    public static Map<String, byte[]> formatCases() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] tiff = tiff(64, 48, 1);
        files.put("tiff_truncated.tiff", Arrays.copyOf(tiff, tiff.length - 4));
        files.put("tiff_header_60000x60000.tiff", tiff(60000, 60000, 1));
        files.put("tiff_2000_pages.tiff", tiff(1, 1, 2000));
        byte[] bmp = bmp(64, 48);
        files.put("bmp_truncated.bmp", Arrays.copyOf(bmp, bmp.length / 2));
        files.put("bmp_rle_60000x60000.bmp", rleBmp(60000, 60000));
        byte[] icon = png(ihdr(16, 16, 8, 6), chunk("IDAT", deflate(new byte[16 * (1 + 16 * 4)])));
        byte[] ico = ico(1, icon);
        files.put("ico_truncated.ico", Arrays.copyOf(ico, ico.length - 10));
        files.put("ico_png_50000x50000.ico", ico(1, png(ihdr(50000, 50000, 8, 6), chunk("IDAT", deflate(new byte[64])))));
        files.put("ico_2000_entries.ico", ico(2000, icon));
        files.put("heic_truncated.heic", Files.readAllBytes(Path.of("src/test/resources/corpus/park.heic")));
        byte[] avif = Files.readAllBytes(Path.of(System.getProperty("thumbler.samples", "samples"), "avif.avif"));
        int ispe = indexOf(avif, ascii("ispe"));
        ByteBuffer.wrap(avif, ispe + 8, 8).putInt(60000).putInt(60000);
        files.put("avif_ispe_60000x60000.avif", avif);
        return files;
    }

    /**
     * A little-endian TIFF of {@code pages} directories, each {@code width}×{@code height}, 8-bit
     * grey, Deflate-compressed, one strip of zeros (so a large size costs a few bytes).
     */
    public static byte[] tiff(int width, int height, int pages) {
        byte[] strip = deflate(new byte[Math.min(width, 4096)]);
        int ifdSize = 2 + 8 * 12 + 4;
        int stripAt = 8 + pages * ifdSize;
        ByteBuffer b = ByteBuffer.allocate(stripAt + strip.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("II*\0")).putInt(8);
        for (int page = 0; page < pages; page++) {
            int at = b.position();
            b.putShort((short) 8);
            tiffEntry(b, 256, 4, width);
            tiffEntry(b, 257, 4, height);
            tiffEntry(b, 258, 3, 8);
            tiffEntry(b, 259, 3, 8);
            tiffEntry(b, 262, 3, 1);
            tiffEntry(b, 273, 4, stripAt);
            tiffEntry(b, 278, 4, height);
            tiffEntry(b, 279, 4, strip.length);
            b.putInt(page + 1 < pages ? at + ifdSize : 0);
        }
        return b.put(strip).array();
    }

    private static void tiffEntry(ByteBuffer b, int tag, int type, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    public static byte[] bmp(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "bmp", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An 8-bit RLE8 BMP whose few bytes of data say "end of bitmap" for a declared {@code width}×{@code height}. */
    public static byte[] rleBmp(int width, int height) {
        byte[] data = {0, 1};
        int palette = 2 * 4;
        ByteBuffer b = ByteBuffer.allocate(14 + 40 + palette + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("BM")).putInt(b.capacity()).putInt(0).putInt(14 + 40 + palette);
        b.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 8).putInt(1)
                .putInt(data.length).putInt(2835).putInt(2835).putInt(2).putInt(0);
        b.putInt(0).putInt(0xFFFFFF).put(data);
        return b.array();
    }

    /** An icon directory of {@code entries} entries that all point at one PNG. */
    public static byte[] ico(int entries, byte[] png) {
        ByteBuffer b = ByteBuffer.allocate(6 + 16 * entries + png.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) entries);
        for (int i = 0; i < entries; i++) {
            b.put((byte) 16).put((byte) 16).put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32)
                    .putInt(png.length).putInt(6 + 16 * entries);
        }
        return b.put(png).array();
    }

    public static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }

    public static Path writeBomb(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? file : Files.write(file, bomb(name));
    }

    public static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 4 & 0xFF) << 16 | (y * 5 & 0xFF) << 8 | (x * y * 31 & 0xFF));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Appendix A: the first SOF0–SOF2 segment's height and width replaced. */
    public static byte[] patchSof(byte[] jpeg, int width, int height) {
        byte[] j = jpeg.clone();
        int i = 2;
        while (i < j.length) {
            int marker = j[i + 1] & 0xFF;
            int length = (j[i + 2] & 0xFF) << 8 | j[i + 3] & 0xFF;
            if (marker >= 0xC0 && marker <= 0xC2) {
                ByteBuffer.wrap(j, i + 5, 4).putShort((short) height).putShort((short) width);
                return j;
            }
            i += 2 + length;
        }
        throw new IllegalArgumentException("no SOF in the template JPEG");
    }

    public static byte[] png(byte[]... chunks) {
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, concat(chunks),
                chunk("IEND", new byte[0]));
    }

    public static byte[] ihdr(int width, int height, int depth, int colorType) {
        return chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) depth).put((byte) colorType).put((byte) 0).put((byte) 0).put((byte) 0).array());
    }

    public static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    /** A fully valid all-zero greyscale PNG, compressed row by row (Appendix A's zpng). */
    public static byte[] zeroPng(int width, int height, int depth) {
        byte[] row = new byte[1 + (width * depth + 7) / 8];
        Deflater deflater = new Deflater(9);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int y = 0; y < height; y++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return png(ihdr(width, height, depth, 0), chunk("IDAT", out.toByteArray()));
    }

    public static byte[] deflate(byte[] data) {
        return deflateRepeated(data, 1);
    }

    private static byte[] deflateRepeated(byte value, int count) {
        byte[] block = new byte[1 << 20];
        Arrays.fill(block, value);
        return deflateRepeated(block, count / block.length);
    }

    private static byte[] deflateRepeated(byte[] block, int times) {
        Deflater deflater = new Deflater(9);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int i = 0; i < times; i++) {
            deflater.setInput(block);
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** Appendix A's gif(): {@code frames} 1×1 frames on a {@code width}×{@code height} screen. */
    public static byte[] gif(int frames, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("GIF89a"));
        out.writeBytes(le16(width, height));
        out.writeBytes(new byte[] {(byte) 0x80, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        out.writeBytes(ascii("!\u00ff\u000bNETSCAPE2.0\u0003\u0001\u0000\u0000\u0000"));
        for (int i = 0; i < frames; i++) {
            out.writeBytes(new byte[] {'!', (byte) 0xF9, 4, 0, 0, 0, 0, 0, ','});
            out.writeBytes(le16(0, 0, 1, 1));
            out.writeBytes(new byte[] {0, 2, 2, 0x44, 1, 0});
        }
        out.write(';');
        return out.toByteArray();
    }

    /** Appendix A: a VP8L header declaring {@code width}×{@code height} and no image data. */
    public static byte[] webpLossless(int width, int height) {
        byte[] vp8l = ByteBuffer.allocate(13).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0x2F)
                .putInt((width - 1) | (height - 1) << 14).array();
        return riff(concat(ascii("VP8L"), le32(vp8l.length), vp8l));
    }

    public static byte[] riff(byte[] chunks) {
        return concat(ascii("RIFF"), le32(4 + chunks.length), ascii("WEBP"), chunks);
    }

    public static byte[] le16(int... values) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    public static byte[] le32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Seeded, so the first bytes (and the message naming them) are the same on every run. */
    public static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(20240611L).nextBytes(bytes);
        return bytes;
    }

    /** Runs {@code /usr/bin/convert} under the system policy only, to make formats ours refuses. */
    public static void convertUnderSystemPolicy(String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(concatArgs(CONVERT.toString(), args)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.startsWith("MAGICK_"));
        Process p = pb.start();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("convert " + String.join(" ", args) + " failed");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String[] concatArgs(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
