package io.thumbler.render;

import static io.thumbler.render.RealConvert.decode;
import static io.thumbler.render.RealConvert.meanDifference;
import static io.thumbler.render.RealConvert.rgb;
import static io.thumbler.render.RealConvert.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.thumbler.image.HeaderSniffer;
import io.thumbler.image.ImageFormat;

/**
 * Each processing option rendered by the real ImageMagick under the shipped policy: exact output
 * size, and pixels compared with a reference made by a hand-written convert command or sampled
 * where the expectation is a known colour.
 */
class OptionRenderingTest {

    private static final RealConvert IM = new RealConvert();
    private static final byte[] LADYBIRD = sample("LadyBird.jpg");

    private static BufferedImage png(byte[] original, String options) {
        return decode(IM.render(original, options, ImageFormat.PNG).bytes());
    }

    @ParameterizedTest(name = "orientation_{0}.jpg comes out like orientation_1.jpg")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyExifOrientationIsApplied(int orientation) {
        assumeTrue(HeaderSniffer.sniff(sample("orientation_6.jpg")).orientation() == 6,
                "needs the HeaderSniffer that reads EXIF orientation (branch harden)");
        BufferedImage upright = png(sample("orientation_1.jpg"), "");
        BufferedImage out = png(sample("orientation_" + orientation + ".jpg"), "");
        assertThat(out.getWidth()).isEqualTo(50);
        assertThat(out.getHeight()).isEqualTo(70);
        assertThat(meanDifference(upright, out)).isLessThan(6);
    }

    @Test
    void autoRotateOffKeepsTheStoredPixels() {
        BufferedImage out = png(sample("orientation_6.jpg"), "ar:0");
        assertThat(out.getWidth()).isEqualTo(70);
        assertThat(out.getHeight()).isEqualTo(50);
    }

    @Test
    void cmykComesOutInTheColoursOfTheRgbDecode() {
        assumeTrue(java.nio.file.Files.exists(RealConvert.CORPUS.resolve("video-001.tiff")), "needs ../shared/corpus/video-001.tiff");
        BufferedImage out = png(sample("video-001.cmyk.jpeg"), "");
        BufferedImage rgb = IM.reference("video-001.tiff");
        BufferedImage uncorrected = IM.reference("video-001.cmyk.jpeg", "-negate", "-colorspace", "sRGB");
        assertThat(out.getWidth()).isEqualTo(150);
        // Same hues as the RGB original (the CMYK file has no profile, so the naive conversion that
        // Go's and ImageMagick's reference decoders use comes out darker, 35 of 255 off on average); reading the channels
        // the other way round (Adobe-inverted) would be three times as far off.
        assertThat(meanDifference(rgb, out)).isLessThan(40);
        assertThat(meanDifference(rgb, uncorrected)).isGreaterThan(3 * meanDifference(rgb, out));
    }

    @ParameterizedTest(name = "{0} matches convert {1}")
    @CsvSource(delimiter = '|', value = {
        "w:200/rot:90|-rotate 90 -resize 200x320!|200|320",       // the box applies to the rotated frame
        "w:200/rot:180|-rotate 180 -resize 200x125!|200|125",
        "w:200/fl:1:0|-flop -resize 200x125!|200|125",
        "w:200/fl:0:1|-flip -resize 200x125!|200|125",
        "c:0.5:0.5:nowe/w:200|-crop 1280x800+0+0 +repage -resize 200x125!|200|125",
        "c:0.5:0.5:soea/w:200|-crop 1280x800+1280+800 +repage -resize 200x125!|200|125",
        "rs:fill:100:100/g:we|-resize 160x100! -crop 100x100+0+0|100|100",
        "rs:fill:100:100/g:ea|-resize 160x100! -crop 100x100+60+0|100|100",
        "rs:fill:100:100/g:fp:0.8:0.5|-resize 160x100! -crop 100x100+60+0|100|100",
    })
    void geometryMatchesAHandWrittenCommand(String options, String reference, int w, int h) {
        BufferedImage out = png(LADYBIRD, options);
        assertThat(out.getWidth()).isEqualTo(w);
        assertThat(out.getHeight()).isEqualTo(h);
        assertThat(meanDifference(IM.reference("LadyBird.jpg", reference.split(" ")), out)).isLessThan(4);
    }

    @Test
    void gravityPicksDifferentWindows() {
        BufferedImage west = png(LADYBIRD, "rs:fill:100:100/g:we");
        BufferedImage east = png(LADYBIRD, "rs:fill:100:100/g:ea");
        assertThat(meanDifference(west, east)).isGreaterThan(10);
    }

    @Test
    void paddingTakesTheBackgroundColour() {
        BufferedImage out = png(LADYBIRD, "w:100/pd:10:20/bg:ff0000");
        assertThat(out.getWidth()).isEqualTo(140);
        assertThat(out.getHeight()).isEqualTo(83);
        assertThat(rgb(out, 2, 2)).isEqualTo(0xff0000);
        assertThat(rgb(out, 137, 80)).isEqualTo(0xff0000);
        assertThat(rgb(out, 70, 40)).isNotEqualTo(0xff0000);
    }

    @Test
    void extendFillsTheCanvasWithRgbBackground() {
        BufferedImage out = png(LADYBIRD, "rs:fit:100:100/ex:1:no/bg:0:255:0");
        assertThat(out.getWidth()).isEqualTo(100);
        assertThat(out.getHeight()).isEqualTo(100);
        assertThat(rgb(out, 50, 98)).isEqualTo(0x00ff00); // north: the free space is below
        assertThat(rgb(out, 50, 2)).isNotEqualTo(0x00ff00);
    }

    @Test
    void extendWithoutBackgroundIsTransparentInPngAndWhiteInJpeg() {
        BufferedImage out = png(LADYBIRD, "rs:fit:100:100/ex:1");
        assertThat(out.getRGB(50, 1) >>> 24).isZero();
        BufferedImage jpg = decode(IM.render(LADYBIRD, "rs:fit:100:100/exar:1", ImageFormat.JPEG).bytes());
        assertThat(jpg.getHeight()).isEqualTo(100);
        assertThat(rgb(jpg, 50, 1) & 0xf0f0f0).isEqualTo(0xf0f0f0);
    }

    @Test
    void trimRemovesAUniformBorder() {
        byte[] framed = IM.render(LADYBIRD, "rs:force:200:125/pd:30/bg:ffffff", ImageFormat.PNG).bytes();
        BufferedImage out = png(framed, "t:10");
        assertThat(out.getWidth()).isEqualTo(200);
        assertThat(out.getHeight()).isEqualTo(125);
        BufferedImage colour = png(framed, "t:10:ffffff:1:1");
        assertThat(colour.getWidth()).isEqualTo(200);
        assertThat(meanDifference(out, png(LADYBIRD, "rs:force:200:125"))).isLessThan(4);
    }

    @Test
    void trimWithoutAColourTakesTheTopLeftPixelAsTheBackgroundOfEverySideAsImgproxyDoes() {
        // A red line on the right edge differs from the top-left pixel, so it stays (libvips' 3x3
        // median keeps a line on the edge: it extends the edge by copying). ImageMagick's own
        // bounding box compares the right edge with the top-right pixel (red) and would cut it.
        BufferedImage rightLine = canvas(40, 30);
        fill(rightLine, 10, 10, 10, 10, 0x000000);
        fill(rightLine, 39, 0, 1, 30, 0xff0000);
        BufferedImage out = png(RealConvert.pngBytes(rightLine), "t:0");
        assertThat(out.getWidth()).isEqualTo(30);
        assertThat(out.getHeight()).isEqualTo(30);
        assertThat(rgb(out, 29, 0)).isEqualTo(0xff0000);

        // Likewise a red line on the bottom edge, which ImageMagick compares with the bottom-left pixel.
        BufferedImage bottomLine = canvas(40, 30);
        fill(bottomLine, 10, 10, 10, 10, 0x000000);
        fill(bottomLine, 0, 29, 40, 1, 0xff0000);
        out = png(RealConvert.pngBytes(bottomLine), "t:0");
        assertThat(out.getWidth()).isEqualTo(40);
        assertThat(out.getHeight()).isEqualTo(20);
        assertThat(rgb(out, 0, 19)).isEqualTo(0xff0000);
    }

    /** A white RGB image. */
    private static BufferedImage canvas(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        fill(img, 0, 0, width, height, 0xffffff);
        return img;
    }

    private static void fill(BufferedImage img, int x, int y, int width, int height, int rgb) {
        for (int j = y; j < y + height; j++) {
            for (int i = x; i < x + width; i++) {
                img.setRGB(i, j, rgb);
            }
        }
    }

    @Test
    void pixelateMakesBlocks() {
        BufferedImage out = png(LADYBIRD, "w:200/pix:10");
        assertThat(out.getWidth()).isEqualTo(200);
        assertThat(rgb(out, 11, 11)).isEqualTo(rgb(out, 19, 19));
        assertThat(rgb(out, 0, 0)).isEqualTo(rgb(out, 9, 9));
    }

    @Test
    void blurSoftensAndSharpenSharpens() {
        BufferedImage plain = png(LADYBIRD, "w:200");
        BufferedImage blurred = png(LADYBIRD, "w:200/bl:3");
        BufferedImage sharpened = png(LADYBIRD, "w:200/sh:1");
        assertThat(edgeEnergy(blurred)).isLessThan(edgeEnergy(plain) * 0.8);
        assertThat(edgeEnergy(sharpened)).isGreaterThan(edgeEnergy(plain) * 1.1);
    }

    private static double edgeEnergy(BufferedImage img) {
        double sum = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 1; x < img.getWidth(); x++) {
                sum += Math.abs((img.getRGB(x, y) & 0xff) - (img.getRGB(x - 1, y) & 0xff));
            }
        }
        return sum;
    }

    @Test
    void maxBytesLowersTheQualityUntilTheResultFits() {
        Rendition plain = IM.render(LADYBIRD, "w:600", ImageFormat.JPEG);
        Rendition small = IM.render(LADYBIRD, "w:600/mb:20000", ImageFormat.JPEG);
        assertThat(plain.bytes().length).isGreaterThan(20000);
        assertThat(small.bytes().length).isLessThanOrEqualTo(20000);
        assertThat(small.width()).isEqualTo(600);
    }

    @Test
    void qualityChangesTheEncoding() {
        int q90 = IM.render(LADYBIRD, "w:400/q:90", ImageFormat.JPEG).bytes().length;
        int q30 = IM.render(LADYBIRD, "w:400/q:30", ImageFormat.JPEG).bytes().length;
        assertThat(q30).isLessThan(q90);
        assertThat(IM.render(LADYBIRD, "w:400/fq:jpg:30", ImageFormat.JPEG).bytes().length).isEqualTo(q30);
    }

    @Test
    void metadataIsStrippedUnlessAskedToKeepIt() {
        String stripped = new String(IM.render(sample("orientation_6.jpg"), "", ImageFormat.JPEG).bytes(), StandardCharsets.ISO_8859_1);
        String kept = new String(IM.render(sample("orientation_6.jpg"), "sm:0", ImageFormat.JPEG).bytes(), StandardCharsets.ISO_8859_1);
        assertThat(stripped).doesNotContain("Exif");
        assertThat(kept).contains("Exif");
    }

    @Test
    void animatedGifStaysAnimated() throws Exception {
        assumeTrue(HeaderSniffer.sniff(sample("1_partyanimsm2.gif")).frames() > 1,
                "needs the HeaderSniffer that counts frames (branch harden)");
        Rendition r = IM.render(sample("1_partyanimsm2.gif"), "w:100", ImageFormat.GIF);
        assertThat(r.width()).isEqualTo(100);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(r.bytes()))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(45);
        }
    }

    @Test
    void smartGravityIsDeterministicAndFollowsTheDetail() {
        BufferedImage a = png(LADYBIRD, "rs:fill:100:100/g:sm");
        BufferedImage b = png(LADYBIRD, "rs:fill:100:100/g:sm");
        assertThat(meanDifference(a, b)).isZero();
        assertThat(a.getWidth()).isEqualTo(100);
    }
}
