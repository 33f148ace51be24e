package io.thumbler.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.thumbler.image.HeaderSniffer;
import io.thumbler.image.ImageFormat;
import io.thumbler.image.ImageHeader;
import io.thumbler.transform.Transform;

/**
 * The conversion to sRGB runs exactly when it changes something, through the real convert: an
 * original tagged with a wide-gamut profile comes out converted, and an untagged one comes out byte
 * for byte as it did when the conversion step ran on it too (it only tagged the image, and the tag
 * was stripped).
 */
class ColourProfileRenderingTest {

    private final RealConvert convert = new RealConvert();

    @TempDir
    Path temp;

    @Test
    void anUntaggedOriginalRendersTheSameWithoutTheProfileStep() {
        byte[] photo = RealConvert.sample("LadyBird.jpg");
        ImageHeader sniffed = HeaderSniffer.sniff(photo);
        assertThat(sniffed.iccProfile()).isFalse();
        ImageHeader asIfTagged = new ImageHeader(sniffed.format(), sniffed.width(), sniffed.height(), sniffed.frames(),
                sniffed.orientation(), sniffed.hasAlpha(), sniffed.colorSpace(), sniffed.primaryFrame(), true);

        assertThat(render(photo, sniffed).bytes()).isEqualTo(render(photo, asIfTagged).bytes());
    }

    @Test
    void aTaggedOriginalIsConvertedToSrgb() throws Exception {
        // The same muted green, once tagged Adobe RGB (1998), once untagged: the same numbers mean a
        // more saturated colour in Adobe RGB, so converted to sRGB they must come out different.
        byte[] tagged = write("tagged.png", true);
        byte[] untagged = write("untagged.png", false);
        assertThat(HeaderSniffer.sniff(tagged).iccProfile()).isTrue();

        int convertedGreen = RealConvert.rgb(RealConvert.decode(render(tagged, HeaderSniffer.sniff(tagged)).bytes()), 10, 10);
        int plainGreen = RealConvert.rgb(RealConvert.decode(render(untagged, HeaderSniffer.sniff(untagged)).bytes()), 10, 10);
        assertThat(plainGreen & 0xFFFFFF).isEqualTo(0x3C8C50);
        assertThat(convertedGreen & 0xFFFFFF).as("converted from Adobe RGB").isNotEqualTo(0x3C8C50);
    }

    private Rendition render(byte[] original, ImageHeader header) {
        Transform t = RealConvert.options("rs:fit:40:40");
        return convert.renderer.render(new RenderJob(original, header, t, ImageFormat.PNG,
                convert.settings.qualityFor(ImageFormat.PNG, t.encoding())));
    }

    private byte[] write(String name, boolean tagged) throws IOException, InterruptedException {
        Path out = temp.resolve(name);
        Process p = new ProcessBuilder(tagged
                ? new String[] {"/usr/bin/convert", "-size", "40x40", "xc:#3c8c50", "-profile", "/usr/share/color/icc/ghostscript/a98.icc", out.toString()}
                : new String[] {"/usr/bin/convert", "-size", "40x40", "xc:#3c8c50", out.toString()})
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        return Files.readAllBytes(out);
    }
}
