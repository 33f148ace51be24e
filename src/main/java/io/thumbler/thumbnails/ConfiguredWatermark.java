package io.thumbler.thumbnails;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.thumbler.config.ConfigReader;
import io.thumbler.error.ThumblerException;
import io.thumbler.image.SourceLimits;
import io.thumbler.render.RenderSettings;
import io.thumbler.render.WatermarkImage;
import io.thumbler.source.Original;
import io.thumbler.source.Originals;
import io.thumbler.source.SourceUri;

/**
 * The watermark image of the {@code watermark} option, read once at startup as imgproxy reads its
 * {@code IMGPROXY_WATERMARK_*}: {@code THUMBLER_WATERMARK_DATA} (base64 of the file) first, else
 * {@code THUMBLER_WATERMARK_PATH} (a file), else {@code THUMBLER_WATERMARK_URL} (fetched like an
 * original, so its host must be an allowed source). {@code THUMBLER_WATERMARK_OPACITY} (0–1,
 * default 1) multiplies every URL's opacity. The image is checked like an original (magic bytes,
 * size and resolution limits); a watermark that cannot be read or is refused stops the start, naming
 * the key. With none configured, {@code watermark} draws nothing, as in imgproxy.
 */
@ApplicationScoped
public class ConfiguredWatermark {

    @Inject
    ConfigReader config;

    @Inject
    Originals originals;

    /** The render settings, read once per deployment; the limits of originals apply to the watermark image too. */
    @Inject
    RenderSettings renderSettings;

    private Optional<WatermarkImage> image = Optional.empty();

    @PostConstruct
    void load() {
        double opacity = config.decimal("thumbler.watermark-opacity", 1, 0.01, 1);
        SourceLimits limits = renderSettings.limits();
        Optional<String> data = config.optional("thumbler.watermark-data").filter(s -> !s.isBlank());
        Optional<String> path = config.optional("thumbler.watermark-path").filter(s -> !s.isBlank());
        Optional<String> url = config.optional("thumbler.watermark-url").filter(s -> !s.isBlank());
        if (data.isPresent()) {
            image = Optional.of(checked("thumbler.watermark-data", decode(data.get()), opacity, limits));
        } else if (path.isPresent()) {
            image = Optional.of(checked("thumbler.watermark-path", read(path.get()), opacity, limits));
        } else if (url.isPresent()) {
            image = Optional.of(checked("thumbler.watermark-url", fetch(url.get()), opacity, limits));
        }
    }

    /** The watermark image, if one is configured. */
    public Optional<WatermarkImage> image() {
        return image;
    }

    private static WatermarkImage checked(String key, byte[] bytes, double opacity, SourceLimits limits) {
        try {
            return WatermarkImage.of(bytes, opacity, limits);
        } catch (ThumblerException e) {
            throw ConfigReader.invalid(key, "the watermark is refused: " + e.getMessage());
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw ConfigReader.invalid("thumbler.watermark-data", "not base64: " + e.getMessage());
        }
    }

    private static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw ConfigReader.invalid("thumbler.watermark-path", "cannot read '" + path + "': " + e.getMessage());
        }
    }

    private byte[] fetch(String url) {
        try (Original o = originals.fetch(SourceUri.parse(url))) {
            return o.bytes();
        } catch (ThumblerException e) {
            throw ConfigReader.invalid("thumbler.watermark-url", "cannot fetch '" + url + "': " + e.getMessage());
        }
    }
}
