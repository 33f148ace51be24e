package io.thumbler.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.thumbler.error.ThumblerException;
import io.thumbler.image.ImageFormat;
import io.thumbler.image.ImageHeader;
import io.thumbler.image.SourceLimits;
import io.thumbler.transform.SecurityOptions;

/** A URL's security options tighten the server's limits and never loosen them. */
class UrlLimitsTest {

    private static final SourceLimits SERVER = SourceLimits.defaults();
    private static final ImageHeader PHOTO = new ImageHeader(ImageFormat.JPEG, 2000, 1000, 1, 1, false, "RGB");
    private static final ImageHeader ANIMATION = new ImageHeader(ImageFormat.GIF, 1000, 1000, 10, 1, false, "PALETTE");

    @Test
    void theSmallerLimitWins() {
        SourceLimits t = UrlLimits.tightened(SERVER, new SecurityOptions(1, 1000, 0, 0, 0));
        assertThat(t.maxResolutionMegapixels()).isEqualTo(1);
        assertThat(t.maxFileBytes()).isEqualTo(1000);
        SourceLimits looser = UrlLimits.tightened(SERVER, new SecurityOptions(500, 1L << 30, 0, 0, 0));
        assertThat(looser).as("a URL cannot raise a limit").isEqualTo(SERVER);
        assertThat(UrlLimits.tightened(SERVER, SecurityOptions.NONE)).isEqualTo(SERVER);
    }

    @Test
    void aTighterResolutionRefusesWith422NamingTheLimit() {
        assertThatThrownBy(() -> UrlLimits.check(PHOTO, 5000, SERVER, new SecurityOptions(1, 0, 0, 0, 0)))
                .isInstanceOf(ThumblerException.class)
                .satisfies(e -> assertThat(((ThumblerException) e).status()).isEqualTo(422))
                .hasMessage("the original is 2000x1000 (2 MP); the limit is 1 MP");
        assertThatCode(() -> UrlLimits.check(PHOTO, 5000, SERVER, new SecurityOptions(2, 0, 0, 0, 0))).doesNotThrowAnyException();
    }

    @Test
    void zeroMegapixelsRefusesEveryOriginalAsInImgproxy() {
        // imgproxy's TestImageResolutionTooLarge: max_src_resolution:0.00001 on a 200x100 PNG is 422
        ImageHeader geometry = new ImageHeader(ImageFormat.PNG, 200, 100, 1, 1, false, "RGB");
        assertThatThrownBy(() -> UrlLimits.check(geometry, 100, SERVER, new SecurityOptions(0.00001, 0, 0, 0, 0)))
                .hasMessageContaining("the limit is 0 MP");
        assertThatThrownBy(() -> UrlLimits.check(geometry, 100, SERVER, new SecurityOptions(0, 0, 0, 0, 0)))
                .hasMessageContaining("the limit is 0 MP");
    }

    @Test
    void aTighterFileSizeRefuses() {
        assertThatThrownBy(() -> UrlLimits.check(PHOTO, 5000, SERVER, new SecurityOptions(-1, 4999, 0, 0, 0)))
                .hasMessage("the original is 5000 bytes; the limit is 4999 bytes (0 MiB)");
    }

    @Test
    void frameResolutionLimitsEachFrameOfAnAnimationOnly() {
        SecurityOptions halfMegapixel = new SecurityOptions(-1, 0, 0, 0.5, 0);
        assertThatThrownBy(() -> UrlLimits.check(ANIMATION, 5000, SERVER, halfMegapixel))
                .hasMessage("a frame of the original is 1000x1000 (1 MP); the limit of max_animation_frame_resolution is 0.5 MP");
        assertThatCode(() -> UrlLimits.check(PHOTO, 5000, SERVER, halfMegapixel)).as("a still image is not an animation")
                .doesNotThrowAnyException();
        assertThatCode(() -> UrlLimits.check(ANIMATION, 5000, SERVER, new SecurityOptions(-1, 0, 0, 1, 0)))
                .doesNotThrowAnyException();
    }

    @Test
    void theServersLimitsStillHoldUnderLooserUrlOptions() {
        ImageHeader huge = new ImageHeader(ImageFormat.JPEG, 10000, 10000, 1, 1, false, "RGB");
        assertThatThrownBy(() -> UrlLimits.check(huge, 5000, SERVER, new SecurityOptions(1000, 0, 0, 0, 0)))
                .hasMessage("the original is 10000x10000 (100 MP); the limit is 50 MP");
    }
}
