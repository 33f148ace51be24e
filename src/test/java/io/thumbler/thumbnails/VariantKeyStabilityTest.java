package io.thumbler.thumbnails;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.thumbler.cache.CacheKeys;
import io.thumbler.config.ConfigReader;
import io.thumbler.image.ImageFormat;
import io.thumbler.render.RenderSettings;
import io.thumbler.source.SourceUri;
import io.thumbler.transform.ProcessingPath;
import io.thumbler.transform.ProcessingPathParser;
import io.thumbler.transform.Transform;

/**
 * The rendition keys of URLs that name formats in their various spellings, computed from the same
 * parts as {@code Thumbnailer.key()}: the canonical transform, the chosen format, the effective
 * quality (configured defaults: 80, webp 79, avif 63) and the source. The hex values were taken
 * before output formats became typed; a change here re-renders every cached variant.
 */
class VariantKeyStabilityTest {

    private static final ProcessingSettings PROCESSING = KnownVariantsTest.processing(Map.of());
    private static final RenderSettings RENDER = RenderSettings.read(new ConfigReader(k -> Optional.empty()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/plain/local:///a.png@jpeg|JPEG|80|''|fe15b40688f9551e1bdbd845a9a6dabe7138645819557a18941c0a1ee8694669",
        "/plain/local:///a.png@jpg|JPEG|80|''|fe15b40688f9551e1bdbd845a9a6dabe7138645819557a18941c0a1ee8694669",
        "/plain/local:///a.png@tif|TIFF|80|''|fd8d7f6b1f7c0f84303d796e6b83e1f6d60bd153f8bdd562aa3d697bc1f1252d",
        "/f:webp/plain/local:///a.png|WEBP|79|f:webp|619bd6387183bad6066f88faa3f7c96d12828b556433ddad7f77771511271923",
        "/f:jpeg/plain/local:///a.png|JPEG|80|f:jpg|f7fcb1195a78c0bce20b576889da737f5ea79a9b7361eb44deb0d9dbd5ac7aed",
        "/fq:jpeg:70:webp:60/plain/local:///a.png@jpeg|JPEG|70|fq:jpg:70:webp:60|7aa3f4169bd7b77cab3d151d4471c5eeacb5040448f745996876b8e26b7b813d",
        "/fq:jpeg:70:webp:60/f:webp/plain/local:///a.png|WEBP|60|fq:jpg:70:webp:60/f:webp|e1b11493d8dc7f66613bda5e79558a9bb4289f3e751edeb5533e737bce5ba775",
        "/fq:jpeg:70:webp:60/plain/local:///a.png@tif|TIFF|80|fq:jpg:70:webp:60|4b616f6bad7c8b22182852babb337d5f91a117c183b50eefa4a6c4f5a47a6303",
        "/fq:tif:50/f:tif/plain/local:///a.png|TIFF|50|fq:tiff:50/f:tiff|5d567dc4d1e256395026afeebade30788428bc30bcead8b207c3bfc803fbae36",
    })
    void renditionKeysStayTheSame(String path, ImageFormat format, int quality, String canonical, String key) {
        ProcessingPath url = new ProcessingPathParser().parse(path);
        Transform t = PROCESSING.parser().parse(url.options());
        OutputFormatChoice output = OutputFormatChoice.choose(OutputFormatChoice.named(url, t), ImageFormat.PNG, false, null,
                PROCESSING);
        int q = RENDER.qualityFor(output.format(), t.encoding());

        assertThat(t.canonical()).isEqualTo(canonical);
        assertThat(output.format()).isEqualTo(format);
        assertThat(q).isEqualTo(quality);
        assertThat(CacheKeys.rendition(t.canonical(), output.format(), q, CacheKeys.sourceId(SourceUri.parse(url.source())),
                "v1", "r1")).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/skp:jpeg/plain/local:///a.jpg|skp:jpg|ef21a3996fce9e6c5a4e6ce914fe0d706ef5be3a8d61b49b69927f3971050aa5",
        "/skp:jpeg:png/plain/local:///a.jpg@jpeg|skp:jpg:png|b2333a9ba3928b78aa6828386caf2d2f0f1f025c6e14a788e6d2d1d4f3e4a081",
        "/skp:jpg/f:jpeg/plain/local:///a.jpg|f:jpg/skp:jpg|0e28c74679511e1c6aa2113fce2e950dc23c2ef3b6539e6b801a5cd61705c5fb",
    })
    void passthroughKeysStayTheSame(String path, String canonical, String key) {
        ProcessingPath url = new ProcessingPathParser().parse(path);
        Transform t = PROCESSING.parser().parse(url.options());

        assertThat(t.passthrough().passes(ImageFormat.JPEG, OutputFormatChoice.named(url, t))).isTrue();
        assertThat(t.canonical()).isEqualTo(canonical);
        assertThat(CacheKeys.passthrough(t.canonical(), ImageFormat.JPEG, CacheKeys.sourceId(SourceUri.parse(url.source())), "v1"))
                .isEqualTo(key);
    }
}
