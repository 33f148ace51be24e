package io.thumbler.image;

import io.thumbler.error.ThumblerException;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceLimitsTest {

    static final SourceLimits DEFAULTS = SourceLimits.defaults();

    static ImageHeader header(ImageFormat format, int width, int height, int frames) {
        return new ImageHeader(format, width, height, frames, 1, false, "RGB");
    }

    static void refused(SourceLimits limits, ImageHeader header, long bytes, String message) {
        assertThatThrownBy(() -> limits.check(header, bytes))
                .isInstanceOfSatisfying(ThumblerException.class, e -> assertThat(e.status()).isEqualTo(422))
                .hasMessage(message);
    }

    @Test
    void defaultsAreDocumented() {
        assertThat(DEFAULTS).isEqualTo(new SourceLimits(50, 12_000, 25L * 1024 * 1024, 1000,
                Set.of(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.GIF, ImageFormat.WEBP, ImageFormat.AVIF,
                        ImageFormat.HEIC, ImageFormat.TIFF, ImageFormat.BMP, ImageFormat.ICO)));
    }

    @Test
    void exactlyAtEveryLimitIsAccepted() {
        // 12000 x 4166 = 49.99 MP, 25 MiB exactly, 1000 frames of 50 000 pixels = 50 MP
        assertThatCode(() -> DEFAULTS.check(header(ImageFormat.JPEG, 12_000, 4166, 1), 25L * 1024 * 1024))
                .doesNotThrowAnyException();
        assertThatCode(() -> DEFAULTS.check(header(ImageFormat.GIF, 250, 200, 1000), 1000))
                .doesNotThrowAnyException();
    }

    @Test
    void resolutionNamesSizeAndMegapixels() {
        refused(DEFAULTS, header(ImageFormat.JPEG, 65500, 65500, 1), 535,
                "the original is 65500x65500 (4290.3 MP); the limit is 50 MP");
        refused(DEFAULTS.withMaxResolution(40.5), header(ImageFormat.PNG, 7000, 6000, 1), 535,
                "the original is 7000x6000 (42 MP); the limit is 40.5 MP");
    }

    @Test
    void justOverTheLimitShowsEnoughDecimalsToDiffer() {
        refused(DEFAULTS, header(ImageFormat.PNG, 10_001, 5000, 1), 100,
                "the original is 10001x5000 (50.01 MP); the limit is 50 MP");
    }

    @Test
    void framesAreSummedAsImgproxyDoes() {
        assertThatCode(() -> DEFAULTS.check(header(ImageFormat.GIF, 660, 666, 45), 268_106)).doesNotThrowAnyException();
        refused(DEFAULTS, header(ImageFormat.GIF, 1000, 1000, 51), 1000,
                "the original is 1000x1000 with 51 frames (51 MP in all); the limit is 50 MP");
    }

    @Test
    void frameCountAboveTheLimit() {
        SourceLimits stills = new SourceLimits(50, 12_000, 1 << 20, 1, SourceLimits.DEFAULT_READABLE_FORMATS);
        refused(stills, header(ImageFormat.GIF, 10, 10, 2), 100, "the original has 2 frames; the limit is 1");
        refused(DEFAULTS, header(ImageFormat.GIF, 1, 1, HeaderSniffer.FRAME_COUNT_CAP + 1), 100,
                "the original has more than 1000 frames; the limit is 1000");
    }

    @Test
    void sideLengthIsCheckedAfterResolution() {
        refused(DEFAULTS, header(ImageFormat.PNG, 20_000, 100, 1), 100,
                "the original is 20000x100; the limit is 12000 pixels on a side");
    }

    @Test
    void fileSizeComesFirst() {
        refused(DEFAULTS, header(ImageFormat.SVG, 65500, 65500, 1), 25L * 1024 * 1024 + 1,
                "the original is 26214401 bytes; the limit is 26214400 bytes (25 MiB)");
    }

    @Test
    void svgIsRecognisedButRefused() {
        refused(DEFAULTS, header(ImageFormat.SVG, 10, 10, 1), 100, "format SVG is not accepted as an original");
    }

    /** The same resolution, frame and size limits hold for every format the policy lets ImageMagick read. */
    @Test
    void everyReadableFormatMeetsTheSameLimits() {
        for (ImageFormat format : DEFAULTS.readableFormats()) {
            assertThatCode(() -> DEFAULTS.check(header(format, 4000, 3000, 1), 1000)).as(format.name()).doesNotThrowAnyException();
            refused(DEFAULTS, header(format, 10_000, 10_000, 1), 100, "the original is 10000x10000 (100 MP); the limit is 50 MP");
            refused(DEFAULTS, header(format, 1, 1, HeaderSniffer.FRAME_COUNT_CAP + 1), 100,
                    "the original has more than 1000 frames; the limit is 1000");
            refused(DEFAULTS, header(format, 1, 1, 1), 25L * 1024 * 1024 + 1,
                    "the original is 26214401 bytes; the limit is 26214400 bytes (25 MiB)");
        }
    }

    @Test
    void aFormatCanBeEnabled() {
        SourceLimits webOnly = new SourceLimits(50, 12_000, 1000, 1000, Set.of(ImageFormat.JPEG));
        SourceLimits withSvg = webOnly.allowing(ImageFormat.SVG);
        assertThatCode(() -> withSvg.check(header(ImageFormat.SVG, 300, 150, 1), 100)).doesNotThrowAnyException();
        assertThat(withSvg.readableFormats()).containsExactlyInAnyOrder(ImageFormat.JPEG, ImageFormat.SVG);
        assertThat(DEFAULTS.allowing(ImageFormat.SVG).readableFormats()).contains(ImageFormat.TIFF, ImageFormat.SVG);
        assertThat(DEFAULTS.readableFormats()).doesNotContain(ImageFormat.SVG);
    }

    @Test
    void invalidLimitsAreRefusedAtConstruction() {
        assertThatThrownBy(() -> new SourceLimits(-1, 1, 1, 1, Set.of()))
                .hasMessageContaining("maxResolutionMegapixels must be a positive number or 0, not -1.0");
        assertThatThrownBy(() -> new SourceLimits(1, 1, 1, 1001, Set.of()))
                .hasMessage("maxFrames must be between 1 and 1000 (HeaderSniffer counts no further), not 1001");
    }
}
