package io.thumbler.image;

import io.thumbler.error.ThumblerException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import io.thumbler.render.BadInputs;

import static io.thumbler.render.BadInputs.ascii;
import static io.thumbler.render.BadInputs.chunk;
import static io.thumbler.render.BadInputs.concat;
import static io.thumbler.render.BadInputs.ihdr;
import static io.thumbler.render.BadInputs.le32;
import static io.thumbler.render.BadInputs.png;
import static io.thumbler.render.BadInputs.riff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Format-specific header cases built byte by byte; real files are in {@link HeaderSnifferCorpusTest}. */
class HeaderSnifferTest {

    static void refused(byte[] bytes, String message) {
        assertThatThrownBy(() -> HeaderSniffer.sniff(bytes))
                .isInstanceOfSatisfying(ThumblerException.class, e -> assertThat(e.status()).isEqualTo(422))
                .hasMessage(message);
    }

    static byte[] sample(String name) throws IOException {
        return Files.readAllBytes(Path.of("samples", name));
    }

    @Nested
    class Jpeg {

        @Test
        void adobeTransform2MakesFourComponentsYcck() throws IOException {
            byte[] cmyk = sample("video-001.cmyk.jpeg"); // its APP14 says transform 0: plain CMYK
            int transform = indexOf(cmyk, ascii("Adobe")) + 11;
            assertThat(cmyk[transform]).isZero();
            assertThat(HeaderSniffer.sniff(cmyk).colorSpace()).isEqualTo("CMYK");
            cmyk[transform] = 2;
            assertThat(HeaderSniffer.sniff(cmyk).colorSpace()).isEqualTo("YCCK");
        }

        @Test
        void oneComponentIsGray() throws IOException {
            BufferedImage gray = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(gray, "jpg", out);
            assertThat(HeaderSniffer.sniff(out.toByteArray()))
                    .isEqualTo(new ImageHeader(ImageFormat.JPEG, 40, 30, 1, 1, false, "GRAY", 0, false));
        }

        @Test
        void bytesAfterTheEndOfImageAreAllowed() {
            byte[] jpeg = concat(BadInputs.jpeg(32, 16), ascii("trailing camera data"));
            assertThat(HeaderSniffer.sniff(jpeg).width()).isEqualTo(32);
        }

        @Test
        void scanBeforeFrameHeaderIsCorrupt() {
            byte[] sos = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0, 2, (byte) 0xFF, (byte) 0xD9};
            refused(sos, "JPEG header is corrupt: scan data starts before the frame header (SOF)");
        }

        @Test
        void garbageWhereAMarkerBelongsIsCorrupt() {
            byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 4, 0, 0, 0x41, 0x42};
            refused(jpeg, "JPEG header is corrupt: expected a marker at byte 8, found 0x41");
        }

        @Test
        void endOfImageBeforeTheFrameHeaderIsCorrupt() {
            refused(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9},
                    "JPEG header is corrupt: the image ends before its frame header (SOF)");
        }
    }

    @Nested
    class Png {

        @Test
        void animationControlChunkGivesTheFrameCount() {
            byte[] actl = chunk("acTL", ByteBuffer.allocate(8).putInt(3).putInt(0).array());
            byte[] apng = png(ihdr(20, 10, 8, 2), actl, chunk("IDAT", BadInputs.deflate(new byte[20 * 31])));
            assertThat(HeaderSniffer.sniff(apng))
                    .isEqualTo(new ImageHeader(ImageFormat.PNG, 20, 10, 3, 1, false, "RGB", 0, false));
        }

        @Test
        void transparencyChunkMeansAlpha() {
            byte[] grey = png(ihdr(4, 4, 8, 0), chunk("tRNS", new byte[2]), chunk("IDAT", BadInputs.deflate(new byte[20])));
            assertThat(HeaderSniffer.sniff(grey).hasAlpha()).isTrue();
        }

        @Test
        void ihdrMustComeFirst() {
            byte[] idatFirst = png(chunk("IDAT", new byte[3]), ihdr(4, 4, 8, 0));
            refused(idatFirst, "PNG header is corrupt: the first chunk is 'IDAT' of 3 bytes, not a 13-byte IHDR");
        }

        @Test
        void zeroWidthIsCorrupt() {
            refused(png(ihdr(0, 10, 8, 0), chunk("IDAT", new byte[1])),
                    "PNG header is corrupt: it declares a size of 0x10");
        }

        @Test
        void widthBeyondTwoToThe31IsCorrupt() {
            refused(png(ihdr(-1, 10, 8, 0), chunk("IDAT", new byte[1])),
                    "PNG header is corrupt: it declares a size of 4294967295x10");
        }

        @Test
        void missingIendIsTruncatedData() {
            byte[] full = png(ihdr(4, 4, 8, 0), chunk("IDAT", BadInputs.deflate(new byte[20])));
            refused(Arrays.copyOf(full, full.length - 12), "PNG data is truncated (no IEND chunk before the end of the file)");
        }

        @Test
        void cutInsideTheSignatureIsATruncatedHeader() {
            refused(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r'}, "PNG header is truncated");
            refused(Arrays.copyOf(png(ihdr(4, 4, 8, 0)), 20), "PNG header is truncated");
        }
    }

    @Nested
    class Gif {

        @Test
        void aFrameBeyondTheLogicalScreenGrowsTheSize() {
            byte[] gif = BadInputs.gif(1, 1, 1);
            int descriptor = indexOf(gif, (byte) ',');
            ByteBuffer.wrap(gif, descriptor + 1, 8).order(ByteOrder.LITTLE_ENDIAN)
                    .putShort((short) 100).putShort((short) 5).putShort((short) 300).putShort((short) 40);
            ImageHeader header = HeaderSniffer.sniff(gif);
            assertThat(header.width() + "x" + header.height()).isEqualTo("400x45");
        }

        @Test
        void aMissingTrailerIsTolerated() {
            byte[] gif = BadInputs.gif(3, 8, 8);
            assertThat(HeaderSniffer.sniff(Arrays.copyOf(gif, gif.length - 1)).frames()).isEqualTo(3);
        }

        @Test
        void noFrameAtAllIsTruncated() {
            refused(BadInputs.gif(0, 8, 8), "GIF data is truncated (no image before the end of the file)");
        }

        @Test
        void cutInsideTheSignatureIsATruncatedHeader() {
            refused(ascii("GIF8"), "GIF header is truncated");
        }
    }

    @Nested
    class Webp {

        static final byte[] ORIENTATION_6 = concat(ascii("MM\0*"), new byte[] {0, 0, 0, 8, 0, 1,
                0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0});

        static byte[] vp8x(int flags, int width, int height) {
            ByteBuffer b = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
            b.put((byte) flags).put(new byte[3]);
            b.putShort((short) (width - 1)).put((byte) ((width - 1) >> 16));
            b.putShort((short) (height - 1)).put((byte) ((height - 1) >> 16));
            return concat(ascii("VP8X"), le32(10), b.array());
        }

        static byte[] anmf() {
            return concat(ascii("ANMF"), le32(16), new byte[16]);
        }

        @Test
        void animationCountsFramesAndReadsAlphaAndOrientation() {
            byte[] webp = riff(concat(vp8x(0x10 | 0x08 | 0x02, 1000, 600), ascii("ANIM"), le32(6), new byte[6],
                    anmf(), anmf(), anmf(), ascii("EXIF"), le32(ORIENTATION_6.length), ORIENTATION_6));
            assertThat(HeaderSniffer.sniff(webp))
                    .isEqualTo(new ImageHeader(ImageFormat.WEBP, 1000, 600, 3, 6, true, "RGB", 0, false));
        }

        @Test
        void animationWithoutFramesIsTruncated() {
            refused(riff(vp8x(0x02, 10, 10)),
                    "WebP data is truncated (the animation has no frames (ANMF) before the end of the file)");
        }

        @Test
        void aChunkRunningPastTheEndIsTruncated() {
            byte[] webp = riff(concat(vp8x(0, 10, 10), ascii("VP8L"), le32(5000), new byte[30]));
            refused(webp, "WebP data is truncated (chunk 'VP8L' runs past the end of the file)");
        }

        @Test
        void anUnknownFirstChunkIsCorrupt() {
            refused(riff(concat(ascii("ICCP"), le32(4), new byte[4])),
                    "WebP header is corrupt: the first chunk is 'ICCP', not VP8, VP8L or VP8X");
        }
    }

    @Nested
    class Heif {

        @Test
        void theSizeComesFromThePrimaryItemsIspe() throws IOException {
            byte[] avif = sample("avif.avif");
            int ispe = indexOf(avif, ascii("ispe"));
            ByteBuffer.wrap(avif, ispe + 8, 8).putInt(12345).putInt(678);
            assertThat(HeaderSniffer.sniff(avif))
                    .isEqualTo(new ImageHeader(ImageFormat.AVIF, 12345, 678, 1, 1, false, "RGB"));
        }

        @Test
        void aVideoBrandIsNotAnImage() {
            byte[] mp4 = concat(new byte[] {0, 0, 0, 0x18}, ascii("ftypmp42\0\0\0\0mp42isom"), new byte[16]);
            refused(mp4, "the original is not an image Thumbler reads (starts with 00 00 00 18)");
        }

        @Test
        void noMetaBoxIsTruncated() throws IOException {
            refused(Arrays.copyOf(sample("avif.avif"), 40), "AVIF header is truncated (box 'meta' runs past the end of the file)");
        }
    }

    @Nested
    class Svg {

        @Test
        void viewBoxGivesTheSizeWhenWidthIsNotInPixels() {
            byte[] svg = ascii("\uFEFF<!-- made by hand --><svg width=\"100%\" stroke-width=\"9\" viewBox=\"0 0 640 480\"/>"
                    .replace("\uFEFF", "\u00EF\u00BB\u00BF"));
            assertThat(HeaderSniffer.sniff(svg))
                    .isEqualTo(new ImageHeader(ImageFormat.SVG, 640, 480, 1, 1, true, "RGB"));
        }

        @Test
        void aDoctypeWithAnInternalSubsetIsSkipped() {
            byte[] svg = ascii("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY a \"<b>\">]>\n<svg height=\"20\" viewBox=\"0 0 10 5\">");
            assertThat(HeaderSniffer.sniff(svg).width() + "x" + HeaderSniffer.sniff(svg).height()).isEqualTo("40x20");
        }

        @Test
        void withoutAnySizeItIs300By150LikeInABrowser() {
            assertThat(HeaderSniffer.sniff(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>")).width()).isEqualTo(300);
        }

        @Test
        void anHtmlPageWithInlineSvgIsNotSvg() {
            refused(ascii("<!DOCTYPE html><html><body><svg width=\"10\" height=\"10\"></svg></body></html>"),
                    "the original is not an image Thumbler reads (starts with 3c 21 44 4f)");
        }

        @Test
        void anSvgRootBeyondTheFirst4KiBIsNotRecognised() {
            byte[] late = ascii("<!--" + "x".repeat(SvgHeader.SNIFF_BYTES) + "--><svg/>");
            refused(late, "the original is not an image Thumbler reads (starts with 3c 21 2d 2d)");
        }
    }

    @Nested
    class TiffAndBmp {

        @Test
        void bigEndianTiffFromImageIo() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(33, 17, BufferedImage.TYPE_INT_RGB), "tiff", out);
            assertThat(out.toByteArray()[0]).isEqualTo((byte) 'M');
            assertThat(HeaderSniffer.sniff(out.toByteArray()))
                    .isEqualTo(new ImageHeader(ImageFormat.TIFF, 33, 17, 1, 1, false, "RGB"));
        }

        @Test
        void topDownBmpHasANegativeHeight() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(21, 13, BufferedImage.TYPE_INT_RGB), "bmp", out);
            byte[] bmp = out.toByteArray();
            ByteBuffer.wrap(bmp, 22, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(-13);
            assertThat(HeaderSniffer.sniff(bmp))
                    .isEqualTo(new ImageHeader(ImageFormat.BMP, 21, 13, 1, 1, false, "RGB"));
        }

        @Test
        void textStartingWithBmIsNotABitmap() {
            refused(ascii("BMW owners club newsletter"), "the original is not an image Thumbler reads (starts with 42 4d 57 20)");
        }
    }

    static int indexOf(byte[] haystack, byte needle) {
        return indexOf(haystack, new byte[] {needle});
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
