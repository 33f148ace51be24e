package io.thumbler.render;

import static io.thumbler.image.FormatHeadersTest.fixture;
import static io.thumbler.render.RealConvert.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.thumbler.error.ThumblerException;
import io.thumbler.image.HeaderSniffer;
import io.thumbler.image.ImageFormat;
import io.thumbler.image.SourceLimits;
import io.thumbler.transform.OptionParser;
import io.thumbler.transform.Transform;

/**
 * {@code watermark} drawn by the real ImageMagick under the shipped policy, in the render's own
 * convert: a blue 200×100 original and a red 40×20 watermark, with positions, opacity, scale and
 * tiling checked pixel by pixel against imgproxy's placement arithmetic.
 */
class WatermarkRenderingTest {

    private static final RealConvert IM = new RealConvert();
    private static final byte[] BLUE = png(200, 100, Color.BLUE);
    private static final WatermarkImage RED = WatermarkImage.of(png(40, 20, Color.RED), 1.0, SourceLimits.defaults());

    private static byte[] png(int w, int h, Color c) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return RealConvert.pngBytes(img);
    }

    private static BufferedImage render(String options, WatermarkImage wm, ImageFormat output) {
        Transform t = new OptionParser().parse(Arrays.asList(options.split("/")));
        Rendition r = IM.renderer.render(new RenderJob(BLUE, HeaderSniffer.sniff(BLUE), t, output, 90, Optional.of(wm)));
        return decode(r.bytes());
    }

    private static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xffffff;
    }

    @Test
    void centredAtItsOwnSizeByDefault() {
        BufferedImage out = render("wm:1", RED, ImageFormat.PNG);
        assertThat(out.getWidth()).isEqualTo(200);
        assertThat(out.getHeight()).isEqualTo(100);
        // imgproxy's centre: (200 - 40 + 1) / 2 = 80.5, rounded half to even: 80; (100 - 20 + 1) / 2 = 40.5 -> 40
        assertThat(rgb(out, 80, 40)).isEqualTo(0xff0000);
        assertThat(rgb(out, 119, 59)).isEqualTo(0xff0000);
        assertThat(rgb(out, 79, 40)).isEqualTo(0x0000ff);
        assertThat(rgb(out, 120, 59)).isEqualTo(0x0000ff);
        assertThat(rgb(out, 80, 60)).isEqualTo(0x0000ff);
    }

    @Test
    void opacityAndACornerWithOffsets() {
        BufferedImage out = render("wm:0.5:soea:10:5", RED, ImageFormat.PNG);
        // south-east: left = 200 - 40 - 10 = 150, top = 100 - 20 - 5 = 75
        int c = rgb(out, 150, 75);
        assertThat(c >> 16).isBetween(120, 135);
        assertThat(c & 0xff).isBetween(120, 135);
        assertThat(rgb(out, 149, 75)).isEqualTo(0x0000ff);
        assertThat(rgb(out, 190, 75)).isEqualTo(0x0000ff);
    }

    @Test
    void scaleFitsTheWatermarkIntoAFractionOfTheResult() {
        BufferedImage out = render("wm:1:nowe:0:0:0.5", RED, ImageFormat.JPEG);
        // fitted into 100x50 with enlargement: 40x20 becomes 100x50 at the top-left corner
        assertThat(Integer.toHexString(rgb(out, 95, 45))).isIn("ff0000", "fe0000", "ff0001", "fe0001");
        assertThat(rgb(out, 105, 55) & 0xff).isGreaterThan(240);
    }

    @Test
    void replicateTilesWithGapsCentredOnTheImage() {
        BufferedImage out = render("wm:1:re:40:20", RED, ImageFormat.PNG);
        // tiles of 80x40 with the mark at (20,10); 3x3 tiles (240x120) centred: starting at (-20,-10)
        for (int[] red : new int[][] {{0, 0}, {39, 19}, {80, 40}, {119, 59}, {160, 80}, {199, 99}}) {
            assertThat(rgb(out, red[0], red[1])).as("red at %d,%d", red[0], red[1]).isEqualTo(0xff0000);
        }
        for (int[] blue : new int[][] {{40, 0}, {60, 30}, {0, 20}, {120, 40}, {79, 99}}) {
            assertThat(rgb(out, blue[0], blue[1])).as("blue at %d,%d", blue[0], blue[1]).isEqualTo(0x0000ff);
        }
    }

    @Test
    void theServersOpacityMultipliesTheUrls() {
        WatermarkImage faint = WatermarkImage.of(png(40, 20, Color.RED), 0.5, SourceLimits.defaults());
        int c = rgb(render("wm:1", faint, ImageFormat.PNG), 100, 50);
        assertThat(c >> 16).isBetween(120, 135);
        assertThat(faint.identity()).isNotEqualTo(RED.identity());
    }

    @Test
    void withoutTheOptionNothingIsDrawnEvenWhenConfigured() {
        assertThat(rgb(render("w:200", RED, ImageFormat.PNG), 100, 50)).isEqualTo(0x0000ff);
        assertThat(rgb(render("wm:0", RED, ImageFormat.PNG), 100, 50)).isEqualTo(0x0000ff);
    }

    @Test
    void theWatermarkIsCheckedLikeAnOriginal() {
        assertThatThrownBy(() -> WatermarkImage.of("<svg/>".getBytes(), 1, SourceLimits.defaults()))
                .isInstanceOf(ThumblerException.class);
        assertThatThrownBy(() -> WatermarkImage.of(png(40, 20, Color.RED), 1, SourceLimits.defaults().withMaxResolution(0.0001)))
                .hasMessageContaining("the limit is");
        assertThat(WatermarkImage.of(png(40, 20, Color.RED), 1, SourceLimits.defaults()).identity())
                .isEqualTo(RED.identity()).isNotEqualTo(WatermarkImage.of(png(40, 20, Color.GREEN), 1, SourceLimits.defaults()).identity());
    }

    /**
     * A watermark stored turned, with EXIF orientation 5–8 (axes swapped), is drawn upright: turned by
     * the orientation Java read, since ImageMagick 6 ignores the EXIF orientation of a PNG. The
     * fixtures store the same upright 50x70 picture; drawn at the top-left corner at its own size,
     * it must match the upright one pixel for pixel, and be 50 pixels wide, not 70.
     */
    @ParameterizedTest(name = "a watermark stored with orientation {0} is drawn upright")
    @ValueSource(ints = {5, 6, 7, 8})
    void aWatermarkWithSwappingExifOrientationIsDrawnUpright(int orientation) {
        WatermarkImage turned = WatermarkImage.of(fixture("orientation_" + orientation + ".png"), 1.0, SourceLimits.defaults());
        assertThat(turned.header().orientation()).isEqualTo(orientation);
        BufferedImage upright = decode(fixture("orientation_1.png"));

        BufferedImage out = render("wm:1:nowe:0:0", turned, ImageFormat.PNG);

        assertThat(out.getSubimage(0, 0, 50, 70)).satisfies(drawn -> {
            for (int y = 0; y < 70; y++) {
                for (int x = 0; x < 50; x++) {
                    assertThat(rgb(drawn, x, y)).as("pixel %d,%d", x, y).isEqualTo(rgb(upright, x, y));
                }
            }
        });
        assertThat(rgb(out, 50, 0)).as("right of the mark").isEqualTo(0x0000ff);
        assertThat(rgb(out, 0, 70)).as("below the mark").isEqualTo(0x0000ff);
    }

    @Test
    void animationsAreWatermarkedOnEveryFrame() throws IOException {
        byte[] gif = RealConvert.sample("1_partyanimsm2.gif");
        Transform t = new OptionParser().parse(Arrays.asList("w:100", "wm:1:nowe"));
        Rendition r = IM.renderer.render(new RenderJob(gif, HeaderSniffer.sniff(gif), t, ImageFormat.GIF, 80, Optional.of(RED)));
        // Coalesced by ImageMagick: the output is frame-optimised, so later frames alone hold only what changed.
        java.nio.file.Path file = java.nio.file.Files.createTempFile("wm-anim", ".gif");
        try {
            java.nio.file.Files.write(file, r.bytes());
            Process p = new ProcessBuilder("/usr/bin/convert", "GIF:" + file, "-coalesce", "-format", "%[pixel:p{5,5}]\\n", "info:")
                    .redirectErrorStream(true).start();
            java.util.List<String> pixels = new String(p.getInputStream().readAllBytes()).lines().toList();
            assertThat(pixels).hasSize(HeaderSniffer.sniff(gif).frames()).allMatch(px -> px.equals("srgb(255,0,0)") || px.equals("red"));
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
