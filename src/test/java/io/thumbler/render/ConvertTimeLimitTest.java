package io.thumbler.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;

/**
 * ImageMagick's own time limit follows the render's deadline, under the shipped policy (whose
 * {@code time} is only a ceiling): a render timeout above the policy's old fixed 10 s is honoured,
 * and a process out of time ends as the watchdog's 504, whichever of the two stops it.
 */
class ConvertTimeLimitTest {

    @TempDir
    Path temp;

    private ConvertProcess convert() throws IOException {
        Path policy = temp.resolve("policy");
        ImageMagickSelfTest.extractPolicy(policy);
        return new ConvertProcess(Path.of("/usr/bin/convert"), Map.of("MAGICK_CONFIGURE_PATH", policy.toString()),
                Duration.ofSeconds(60));
    }

    @Test
    void eachProcessIsLimitedToWhatIsLeftOfItsDeadline() throws IOException {
        ConvertProcess convert = convert();
        assertThat(convert.run(List.of("-list", "resource"), temp, Duration.ofMillis(2500)).stdout())
                .containsPattern("Time: 3\\b");
        assertThat(convert.run(List.of("-list", "resource"), temp, Duration.ofSeconds(45)).stdout())
                .as("above the old fixed 10 s").containsPattern("Time: 45\\b");
        assertThat(convert.run(List.of("-list", "resource"), temp, Duration.ofSeconds(5000)).stdout())
                .as("the policy stays the ceiling").containsPattern("Time: 600\\b");
    }

    @Test
    void aRenderOutOfTimeIsA504WhoeverStopsIt() throws IOException {
        ConvertProcess convert = convert();
        String photo = Path.of("samples/LadyBird.jpg").toAbsolutePath().toString();
        List<String> slow = List.of(photo, "-resize", "400%", "-blur", "0x40", "-blur", "0x40", temp.resolve("out.png").toString());
        assertThatThrownBy(() -> {
            ConvertProcess.Result r = convert.run(slow, temp, Duration.ofSeconds(2));
            if (!r.succeeded()) {
                throw ConvertFailure.of("render", r, Duration.ofSeconds(2));
            }
        }).isInstanceOfSatisfying(ThumblerException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.RENDER_TIMEOUT));
        assertThat(ConvertProcess.running()).isZero();
    }
}
