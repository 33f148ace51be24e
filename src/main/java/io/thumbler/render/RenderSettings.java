package io.thumbler.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.thumbler.config.ConfigReader;

/**
 * The render configuration, validated at startup.
 *
 * @param imageMagickDir  folder holding {@code convert} ({@code THUMBLER_IMAGEMAGICK_PATH}); never PATH,
 *                        because {@code /usr/local/bin/convert} is not always ImageMagick
 * @param concurrency     renders at once ({@code THUMBLER_RENDER_CONCURRENCY}); one per core is the
 *                        machine's ceiling (perf-anchors §4: N=4 on 2 cores adds nothing)
 * @param queue           requests that may wait for a slot ({@code THUMBLER_RENDER_QUEUE}); more get 503
 * @param queueTimeout    how long a request waits for a slot ({@code THUMBLER_RENDER_QUEUE_TIMEOUT}, seconds)
 * @param renderTimeout   deadline of one ImageMagick process ({@code THUMBLER_RENDER_TIMEOUT}, seconds)
 * @param tempDir         where per-render private directories are made ({@code THUMBLER_TEMP_DIR})
 * @param defaultQuality  quality when the URL names none ({@code THUMBLER_QUALITY}, imgproxy's default 80)
 * @param limits          what an original may be before ImageMagick sees it ({@code THUMBLER_MAX_SRC_RESOLUTION}
 *                        megapixels, {@code THUMBLER_MAX_SRC_FILE_SIZE} bytes, {@code THUMBLER_MAX_ANIMATION_FRAMES})
 */
public record RenderSettings(Path imageMagickDir, int concurrency, int queue, Duration queueTimeout,
                             Duration renderTimeout, Path tempDir, int defaultQuality, SourceLimits limits) {

    public static RenderSettings read(ConfigReader config) {
        String dir = config.string("thumbler.imagemagick-path", "/usr/bin");
        Path convert = Path.of(dir, "convert");
        if (!Files.isExecutable(convert)) {
            throw ConfigReader.invalid("thumbler.imagemagick-path", "'" + dir + "' holds no executable 'convert'"
                    + " (install ImageMagick 6: apt-get install imagemagick)");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int concurrency = config.integer("thumbler.render-concurrency", cores, 1, 256);
        int queue = config.integer("thumbler.render-queue", concurrency * 16, 0, 100_000);
        int queueTimeout = config.integer("thumbler.render-queue-timeout", 10, 1, 600);
        int renderTimeout = config.integer("thumbler.render-timeout", 10, 1, 600);
        Path temp = Path.of(config.string("thumbler.temp-dir", System.getProperty("java.io.tmpdir") + "/thumbler"));
        int quality = config.integer("thumbler.quality", 80, 1, 100);
        return new RenderSettings(Path.of(dir), concurrency, queue, Duration.ofSeconds(queueTimeout),
                Duration.ofSeconds(renderTimeout), temp.toAbsolutePath(), quality, limits(config));
    }

    private static SourceLimits limits(ConfigReader config) {
        SourceLimits d = SourceLimits.defaults();
        return new SourceLimits(
                config.decimal("thumbler.max-src-resolution", d.maxResolutionMegapixels(), 0.01, 100_000),
                d.maxSideLength(),
                config.longValue("thumbler.max-src-file-size", d.maxFileBytes(), 1, 1L << 31),
                config.integer("thumbler.max-animation-frames", d.maxFrames(), 1, HeaderSniffer.FRAME_COUNT_CAP),
                d.readableFormats());
    }

    public Path convertBinary() {
        return imageMagickDir.resolve("convert");
    }
}
