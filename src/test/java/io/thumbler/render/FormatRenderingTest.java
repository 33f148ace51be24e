package io.thumbler.render;

import static io.thumbler.image.FormatHeadersTest.fixture;
import static io.thumbler.render.RealConvert.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.thumbler.error.ThumblerException;
import io.thumbler.image.HeaderSniffer;
import io.thumbler.image.ImageFormat;
import io.thumbler.image.ImageHeader;

/**
 * The formats beyond the web four, in and out, rendered by the real ImageMagick under the shipped
 * policy; and EXIF orientation outside JPEG. Each {@code orientation_N} fixture stores the same
 * upright 50×70 picture turned so that orientation N puts it upright again: eight different
 * stored images, eight different operations, one correct result.
 */
class FormatRenderingTest {

    private static final RealConvert IM = new RealConvert();
    private static final BufferedImage UPRIGHT = png(fixture("orientation_1.png"), "");

    private static BufferedImage png(byte[] original, String options) {
        return decode(IM.render(original, options, ImageFormat.PNG).bytes());
    }

    private static void assertUpright(BufferedImage out, double tolerance) {
        assertThat(out.getWidth() + "x" + out.getHeight()).isEqualTo("50x70");
        assertThat(difference(UPRIGHT, out)).isLessThanOrEqualTo(tolerance);
    }

    /**
     * Mean absolute difference per channel of two images of one size, pixel by pixel as
     * {@code getRGB} gives them (no redrawing, which would convert a grey PNG's colours).
     */
    private static double difference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs((p >> shift & 0xff) - (q >> shift & 0xff));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    @ParameterizedTest(name = "orientation_{0}.png / .webp / .avif come out upright")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyOrientationOfPngWebpAndAvifIsApplied(int orientation) {
        // PNG and lossless WebP carry the exact pixels; the AVIF is lossless in YUV, a little off in RGB.
        assertUpright(png(fixture("orientation_" + orientation + ".png"), ""), 0);
        assertUpright(png(fixture("orientation_" + orientation + ".webp"), ""), 0);
        assertUpright(png(fixture("orientation_" + orientation + ".avif"), ""), 5);
    }

    /** The size the header reports for a cropped and turned AVIF is the size libheif delivers. */
    @Test
    void avifCleanApertureAndRotationRenderAtTheReportedSize() {
        Rendition r = IM.render(fixture("clap-irot.avif"), "", ImageFormat.PNG);
        assertThat(r.width() + "x" + r.height()).isEqualTo("40x60");
    }

    @Test
    void theStoredPicturesReallyDiffer() {
        BufferedImage flopped = png(fixture("orientation_2.png"), "ar:0");
        assertThat(flopped.getWidth()).isEqualTo(50);
        assertThat(difference(UPRIGHT, flopped)).isGreaterThan(10);
        assertThat(png(fixture("orientation_6.webp"), "ar:0").getWidth()).as("auto_rotate off keeps the stored 70x50").isEqualTo(70);
    }

    /** Kept EXIF must say "upright" after the turn, or a viewer would turn the result again. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"orientation_6.webp, WEBP", "orientation-6.tiff, JPEG"})
    void keptMetadataSaysUpright(String name, ImageFormat output) {
        Rendition r = IM.render(fixture(name), "sm:0", output);
        ImageHeader produced = HeaderSniffer.sniff(r.bytes());
        assertThat(produced.width() + "x" + produced.height()).isEqualTo("50x70");
        assertThat(produced.orientation()).isEqualTo(1);
    }

    @Test
    void jpegWithKeptExifIsUprightAndSaysSo() {
        Rendition r = IM.render(RealConvert.sample("orientation_6.jpg"), "sm:0", ImageFormat.JPEG);
        assertThat(new String(r.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)).contains("Exif");
        assertThat(HeaderSniffer.sniff(r.bytes()).orientation()).isEqualTo(1);
        assertThat(r.width() + "x" + r.height()).isEqualTo("50x70");
    }

    @Test
    void heicRendersAndItsExifOrientationIsNotAppliedTwice() {
        assertUpright(png(fixture("photo.heic"), ""), 8);
        // libheif and libvips ignore EXIF orientation in HEIF (irot/imir say it); so does Thumbler.
        BufferedImage stored = png(fixture("exif-orientation-6.heic"), "");
        assertThat(stored.getWidth() + "x" + stored.getHeight()).isEqualTo("70x50");
    }

    @Test
    void tiffSixteenBitTiledAndWithOrientation() {
        assertUpright(png(fixture("tiled-16bit.tiff"), ""), 1);
        assertUpright(png(fixture("orientation-6.tiff"), ""), 0);
    }

    @Test
    void corpusTiffsRender() {
        for (String name : new String[] {"video-001.tiff", "video-001-tile-64x64.tiff", "video-001-16bit.tiff"}) {
            Assumptions.assumeTrue(Files.exists(RealConvert.CORPUS.resolve(name)) || Files.exists(RealConvert.SAMPLES.resolve(name)),
                    "needs ../shared/corpus/" + name);
            Rendition r = IM.render(RealConvert.sample(name), "w:75", ImageFormat.JPEG);
            assertThat(r.width() + "x" + r.height()).as(name).isEqualTo("75x52");
        }
    }

    @Test
    void bmpRenders() {
        assertUpright(png(fixture("photo.bmp"), ""), 0);
    }

    @Test
    void icoRendersItsLargestEntry() {
        Rendition r = IM.render(fixture("favicon.ico"), "", ImageFormat.PNG);
        assertThat(r.width() + "x" + r.height()).isEqualTo("48x48");
    }

    /** Icons of 256 pixels and more hold a PNG; ImageMagick decodes it with its PNG coder. */
    @Test
    void anIcoWithAPngEntryRenders() {
        byte[] ico = BadInputs.ico(1, fixture("orientation_1.png"));
        assertThat(HeaderSniffer.sniff(ico).width() + "x" + HeaderSniffer.sniff(ico).height()).isEqualTo("50x70");
        assertUpright(png(ico, ""), 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"TIFF, image/tiff", "BMP, image/bmp", "ICO, image/x-icon"})
    void newOutputFormats(ImageFormat output, String mediaType) {
        Rendition r = IM.render(RealConvert.sample("LadyBird.jpg"), "rs:fit:120:120", output);
        assertThat(r.format()).isEqualTo(output);
        assertThat(output.mediaType()).isEqualTo(mediaType);
        assertThat(r.width()).isEqualTo(120);
        assertThat(decode(IM.render(r.bytes(), "", ImageFormat.PNG).bytes()).getWidth()).as("reads back").isEqualTo(120);
    }

    /** As imgproxy does: BMP is written without alpha, the image flattened onto the background. */
    @Test
    void bmpOutputIsFlattenedOntoWhite() {
        Rendition r = IM.render(RealConvert.sample("yellow_rose.lossy-with-alpha.webp"), "w:60", ImageFormat.BMP);
        assertThat(HeaderSniffer.sniff(r.bytes()).hasAlpha()).isFalse();
        assertThat(decode(IM.render(r.bytes(), "", ImageFormat.PNG).bytes()).getRGB(0, 0) & 0xffffff).isEqualTo(0xffffff);
    }

    @Test
    void anIcoLargerThan256IsRefusedBeforeAnyProcessRuns() {
        assertThatThrownBy(() -> IM.render(RealConvert.sample("LadyBird.jpg"), "w:300", ImageFormat.ICO))
                .isInstanceOfSatisfying(ThumblerException.class, e -> assertThat(e.status()).isEqualTo(422))
                .hasMessage("an ICO result is at most 256x256 pixels; this one would be 300x188 "
                        + "(ask for a size within it, e.g. rs:fit:256:256)");
    }
}
