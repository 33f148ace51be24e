package io.thumbler.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.thumbler.error.ThumblerException;
import io.thumbler.http.ErrorCaching;

class ConvertFailureTest {

    private static ThumblerException failure(int exit, String stderr) {
        return ConvertFailure.of("render", new ConvertProcess.Result(exit, stderr, 12, ""), Duration.ofSeconds(10));
    }

    @Test
    void aBadOriginalIs422AndCacheable() {
        ThumblerException e = failure(1, "convert-im6.q16: Not a JPEG file: starts with 0x89 0x50 `/tmp/thumbler-work-123/in' @ error/jpeg.c/ReadJPEGImage/1107.\n");
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.publicMessage()).startsWith("ImageMagick could not render this original (").contains("Not a JPEG file")
                .doesNotContain("thumbler-work-");
        assertThat(ErrorCaching.cacheControl(e.status())).startsWith("public");
    }

    @Test
    void aProcessEndedBySignalIs500NoStoreWhateverItsStderr() {
        for (int signal : new int[] {6, 9, 11, 15}) {
            ThumblerException e = failure(128 + signal, "convert-im6.q16: corrupt image");
            assertThat(e.status()).as("signal %d", signal).isEqualTo(500);
            assertThat(e.publicMessage()).contains("signal " + signal);
            assertThat(ErrorCaching.cacheControl(e.status())).isEqualTo("no-store");
        }
    }

    @Test
    void imageMagicksTimeLimitIsTheSame504AsTheWatchdogs() {
        ThumblerException e = failure(1, "convert-im6.q16: time limit exceeded `/tmp/x' @ fatal/cache.c/GetImagePixelCache/1745.\n");
        assertThat(e.status()).isEqualTo(504);
        assertThat(e.publicMessage()).isEqualTo("rendering took longer than the 10 s deadline");
    }

    @Test
    void aFullDiskIs503WithRetryAfter() {
        ThumblerException e = failure(1, "convert-im6.q16: unable to write pixel cache: No space left on device\n");
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.retryAfterSeconds()).isPositive();
    }
}
