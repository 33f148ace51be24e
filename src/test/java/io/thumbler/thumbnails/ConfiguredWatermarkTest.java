package io.thumbler.thumbnails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.thumbler.config.ConfigReader;
import io.thumbler.config.InvalidConfigurationException;
import io.thumbler.image.ImageFormat;
import io.thumbler.render.RenderSettings;

/** THUMBLER_WATERMARK_DATA / _PATH (the URL form goes through the originals' fetchers) and _OPACITY. */
class ConfiguredWatermarkTest {

    private static final Path SAMPLES = Path.of(System.getProperty("thumbler.samples", "samples")).toAbsolutePath();

    @TempDir
    Path dir;

    private static ConfiguredWatermark load(Map<String, String> settings) {
        ConfiguredWatermark w = new ConfiguredWatermark();
        w.config = new ConfigReader(key -> Optional.ofNullable(settings.get(key)));
        w.renderSettings = RenderSettings.read(w.config);
        w.load();
        return w;
    }

    @Test
    void noneConfiguredIsNoWatermark() {
        assertThat(load(Map.of()).image()).isEmpty();
    }

    @Test
    void aFileIsReadAndCheckedLikeAnOriginal() {
        ConfiguredWatermark w = load(Map.of("thumbler.watermark-path", SAMPLES.resolve("moonlight-glow.png").toString(),
                "thumbler.watermark-opacity", "0.5"));
        assertThat(w.image()).isPresent();
        assertThat(w.image().get().header().format()).isEqualTo(ImageFormat.PNG);
        assertThat(w.image().get().opacity()).isEqualTo(0.5);
    }

    @Test
    void base64DataWinsOverAPathAsInImgproxy() throws IOException {
        byte[] jpeg = Files.readAllBytes(SAMPLES.resolve("orientation_1.jpg"));
        ConfiguredWatermark w = load(Map.of("thumbler.watermark-data", Base64.getEncoder().encodeToString(jpeg),
                "thumbler.watermark-path", SAMPLES.resolve("moonlight-glow.png").toString()));
        assertThat(w.image().orElseThrow().header().format()).isEqualTo(ImageFormat.JPEG);
    }

    /** The limits of originals, as the render settings hold them, apply to the watermark too. */
    @Test
    void aWatermarkBeyondTheSourceLimitsStopsTheStart() {
        // moonlight-glow.png is 504x502, about 0.25 megapixels
        assertThatThrownBy(() -> load(Map.of("thumbler.watermark-path", SAMPLES.resolve("moonlight-glow.png").toString(),
                "thumbler.max-src-resolution", "0.1")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("thumbler.watermark-path (THUMBLER_WATERMARK_PATH): the watermark is refused: ")
                .hasMessageContaining("the limit is");
    }

    @Test
    void aWatermarkThatCannotBeUsedStopsTheStartNamingTheKey() throws IOException {
        Path svg = Files.writeString(dir.resolve("wm.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> load(Map.of("thumbler.watermark-path", svg.toString())))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("thumbler.watermark-path (THUMBLER_WATERMARK_PATH): the watermark is refused: ");
        assertThatThrownBy(() -> load(Map.of("thumbler.watermark-path", dir.resolve("missing.png").toString())))
                .hasMessageStartingWith("thumbler.watermark-path (THUMBLER_WATERMARK_PATH): cannot read '");
        assertThatThrownBy(() -> load(Map.of("thumbler.watermark-data", "not base64!")))
                .hasMessageStartingWith("thumbler.watermark-data (THUMBLER_WATERMARK_DATA): ");
        assertThatThrownBy(() -> load(Map.of("thumbler.watermark-opacity", "1.5")))
                .hasMessageStartingWith("thumbler.watermark-opacity (THUMBLER_WATERMARK_OPACITY)");
    }
}
