package io.thumbler.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.thumbler.error.ThumblerException;
import io.thumbler.image.HeaderSniffer;
import io.thumbler.image.ImageFormat;
import io.thumbler.image.SourceLimits;
import io.thumbler.transform.Encoding;
import io.thumbler.transform.Transform;

/**
 * The render timeout bounds a whole render, not each ImageMagick process: a {@code max_bytes} budget
 * that no quality meets makes the renderer encode again and again, and every pass must share the one
 * deadline. A stand-in {@code convert} sleeps before doing the real work, so each pass takes ~0.5 s.
 */
class RenderDeadlineTest {

    @TempDir
    Path temp;

    @Test
    void passesUnderAByteBudgetShareOneDeadline() throws IOException {
        Path convert = script("sleep 0.5; exec /usr/bin/convert \"$@\"");
        RenderSettings settings = new RenderSettings(convert.getParent(), 1, 4, Duration.ofSeconds(5), 12, Duration.ofMillis(1200),
                temp.resolve("renders"), 80, Map.of(), RenderSettings.POLICY_FRAME_LIMIT, false, Optional.empty(),
                SourceLimits.defaults());
        Renderer renderer = new Renderer(new ConvertProcess(convert, Map.of(), settings.renderTimeout()), settings);
        Encoding oneByte = new Encoding(90, Map.of(), 1, true, true, true, Optional.empty());
        byte[] canary = canary();
        RenderJob job = new RenderJob(canary, HeaderSniffer.sniff(canary),
                Transform.builder().width(8).height(8).encoding(oneByte).build(), ImageFormat.JPEG, 90);

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> renderer.render(job))
                .isInstanceOfSatisfying(ThumblerException.class, e -> {
                    assertThat(e.status()).isEqualTo(504);
                    assertThat(e.getMessage()).isEqualTo("rendering took longer than the 1 s deadline");
                });
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        // One deadline per pass would let all passes run (several seconds); the shared one ends
        // the render at 1.2 s plus the time to stop the process that was running.
        assertThat(took).isBetween(Duration.ofMillis(1100), Duration.ofMillis(3500));
        assertThat(ConvertProcess.running()).isZero();
    }

    private static byte[] canary() throws IOException {
        try (InputStream in = RenderDeadlineTest.class.getResourceAsStream("/io/thumbler/render/canary.jpg")) {
            return in.readAllBytes();
        }
    }

    private Path script(String body) throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path convert = bin.resolve("convert");
        Files.writeString(convert, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(convert, PosixFilePermissions.fromString("rwx------"));
        return convert;
    }
}
