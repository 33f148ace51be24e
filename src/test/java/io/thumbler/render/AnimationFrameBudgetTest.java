package io.thumbler.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.thumbler.image.HeaderSniffer;
import io.thumbler.image.ImageFormat;
import io.thumbler.image.ImageHeader;
import io.thumbler.transform.OptionParser;
import io.thumbler.transform.Presets;
import io.thumbler.transform.Transform;

/** {@code max_animation_frames} lowers the server's animation budget and never raises it. */
class AnimationFrameBudgetTest {

    private static final RealConvert IM = new RealConvert();
    private static final ImageHeader TEN_FRAMES = new ImageHeader(ImageFormat.GIF, 10, 10, 10, 1, false, "PALETTE");

    private static int frames(String options, ImageFormat output) {
        Transform t = new OptionParser(Presets.NONE, false, true).parse(Arrays.asList(options.split("/")));
        return SourceReading.frames(new RenderJob(new byte[0], TEN_FRAMES, t, output, 80), IM.settings);
    }

    @Test
    void theSmallerBudgetWins() {
        assertThat(frames("w:10", ImageFormat.GIF)).isEqualTo(10);
        assertThat(frames("maf:3", ImageFormat.GIF)).isEqualTo(3);
        assertThat(frames("maf:1", ImageFormat.WEBP)).isEqualTo(1);
        assertThat(frames("maf:1000", ImageFormat.GIF)).isEqualTo(10);
        assertThat(frames("maf:3", ImageFormat.PNG)).as("a still output takes one frame").isEqualTo(1);
    }

    @Test
    void aRenderedAnimationKeepsTheUrlsBudget() {
        byte[] gif = RealConvert.sample("1_partyanimsm2.gif");
        Transform t = new OptionParser(Presets.NONE, false, true).parse(Arrays.asList("w:50", "maf:2"));
        Rendition r = IM.renderer.render(new RenderJob(gif, HeaderSniffer.sniff(gif), t, ImageFormat.GIF, 80));
        assertThat(HeaderSniffer.sniff(gif).frames()).isGreaterThan(2);
        assertThat(HeaderSniffer.sniff(r.bytes()).frames()).isEqualTo(2);
    }
}
