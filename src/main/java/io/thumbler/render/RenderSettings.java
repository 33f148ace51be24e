package io.thumbler.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.thumbler.config.ConfigReader;
import io.thumbler.config.MaxSourceFileSize;
import io.thumbler.image.HeaderSniffer;
import io.thumbler.image.ImageFormat;
import io.thumbler.image.ImageHeader;
import io.thumbler.image.SourceLimits;
import io.thumbler.transform.Encoding;
import io.thumbler.transform.OutputFormats;

/**
 * The render configuration, validated at startup.
 *
 * @param imageMagickDir  folder holding {@code convert} ({@code THUMBLER_IMAGEMAGICK_PATH}); never PATH,
 *                        because {@code /usr/local/bin/convert} is not always ImageMagick
 * @param concurrency     ImageMagick processes at once ({@code THUMBLER_RENDER_CONCURRENCY}, default one
 *                        per core: measured, 4 processes on 2 cores render no faster than 2)
 * @param queue           requests that may wait for a slot ({@code THUMBLER_RENDER_QUEUE}); more get 503
 * @param queueTimeout    how long a request waits for a slot ({@code THUMBLER_RENDER_QUEUE_TIMEOUT}, seconds)
 * @param aloneAboveMegapixels a HEIC or AVIF original above this many megapixels renders alone, taking
 *                        every slot ({@code THUMBLER_RENDER_ALONE_MEGAPIXELS}, default 12): libheif decodes
 *                        the whole picture into buffers of its own, outside ImageMagick's memory limit
 *                        (measured: 141 MB for one 8 MP HEIC, 393 MB at 24 MP, against 16–38 MB for a
 *                        JPEG of the same size, which decodes at a fraction of its size)
 * @param renderTimeout   deadline of one ImageMagick process ({@code THUMBLER_RENDER_TIMEOUT}, seconds)
 * @param tempDir         where per-render private directories are made ({@code THUMBLER_TEMP_DIR})
 * @param defaultQuality  quality when the URL names none ({@code THUMBLER_QUALITY}, imgproxy's default 80)
 * @param formatQuality   per-format default quality ({@code THUMBLER_FORMAT_QUALITY}, imgproxy's
 *                        {@code webp=79,avif=63})
 * @param maxAnimationFrames frames of an animated GIF/WebP kept when the output can animate
 *                        ({@code THUMBLER_MAX_ANIMATION_FRAMES}, default 64: most web animations
 *                        stay whole; imgproxy's default of 1 turns every animation still)
 * @param jpegProgressive write progressive JPEGs ({@code THUMBLER_JPEG_PROGRESSIVE}, default false as imgproxy)
 * @param srgbProfile     the sRGB ICC profile embedded profiles are converted to
 *                        ({@code THUMBLER_SRGB_PROFILE}; empty when the file is absent, then colours
 *                        are kept as decoded and only the profile is dropped)
 * @param limits          what an original may be before ImageMagick sees it ({@code THUMBLER_MAX_SRC_RESOLUTION}
 *                        megapixels, {@code THUMBLER_MAX_SRC_FILE_SIZE} bytes, {@code THUMBLER_MAX_SRC_FRAMES})
 */
public record RenderSettings(Path imageMagickDir, int concurrency, int queue, Duration queueTimeout,
                             double aloneAboveMegapixels, Duration renderTimeout, Path tempDir, int defaultQuality,
                             Map<ImageFormat, Integer> formatQuality, int maxAnimationFrames, boolean jpegProgressive, Optional<Path> srgbProfile,
                             SourceLimits limits) {

    /** ImageMagick's {@code list-length} in the shipped policy.xml: more frames could not be read. */
    public static final int POLICY_FRAME_LIMIT = 64;
    static final String DEFAULT_SRGB_PROFILE = "/usr/share/color/icc/ghostscript/srgb.icc";

    public RenderSettings {
        formatQuality = Map.copyOf(formatQuality);
    }

    public static RenderSettings read(ConfigReader config) {
        String dir = config.string("thumbler.imagemagick-path", "/usr/bin");
        int cores = Runtime.getRuntime().availableProcessors();
        int concurrency = config.integer("thumbler.render-concurrency", cores, 1, 256);
        int queue = config.integer("thumbler.render-queue", concurrency * 16, 0, 100_000);
        int queueTimeout = config.integer("thumbler.render-queue-timeout", 10, 1, 600);
        double alone = config.decimal("thumbler.render-alone-megapixels", 12, 0, 100_000);
        int renderTimeout = config.integer("thumbler.render-timeout", 10, 1, 600);
        Path temp = Path.of(config.string("thumbler.temp-dir", System.getProperty("java.io.tmpdir") + "/thumbler"));
        int quality = config.integer("thumbler.quality", 80, 1, 100);
        int frames = config.integer("thumbler.max-animation-frames", POLICY_FRAME_LIMIT, 1, POLICY_FRAME_LIMIT);
        boolean progressive = config.bool("thumbler.jpeg-progressive", false);
        Path srgb = Path.of(config.string("thumbler.srgb-profile", DEFAULT_SRGB_PROFILE));
        return new RenderSettings(Path.of(dir), concurrency, queue, Duration.ofSeconds(queueTimeout),
                alone, Duration.ofSeconds(renderTimeout), temp.toAbsolutePath(), quality, formatQuality(config),
                frames, progressive, Files.isReadable(srgb) ? Optional.of(srgb) : Optional.empty(), limits(config));
    }

    /** {@code webp=79,avif=63}: imgproxy's {@code IMGPROXY_FORMAT_QUALITY} syntax and defaults. */
    private static Map<ImageFormat, Integer> formatQuality(ConfigReader config) {
        String key = "thumbler.format-quality";
        Map<ImageFormat, Integer> q = new HashMap<>();
        for (String entry : config.optional(key).orElse("webp=79,avif=63").split(",")) {
            String[] kv = entry.strip().split("=");
            ImageFormat f = kv.length == 2 ? OutputFormats.named(kv[0].strip()).orElse(null) : null;
            if (f == null || !kv[1].strip().matches("[1-9][0-9]?|100")) {
                throw ConfigReader.invalid(key, "'" + entry.strip() + "' is not format=quality (quality 1-100, format one of " + OutputFormats.listed() + ")");
            }
            q.put(f, Integer.parseInt(kv[1].strip()));
        }
        return q;
    }

    /** The URL's quality for {@code format}, else the configured one for the format, else the default. */
    public int qualityFor(ImageFormat format, Encoding encoding) {
        int q = encoding.qualityFor(format);
        return q != 0 ? q : formatQuality.getOrDefault(format, defaultQuality);
    }

    /** The Java gate before ImageMagick (decompression bombs, disguised formats); frames here are a refusal cap, not the animation budget. */
    private static SourceLimits limits(ConfigReader config) {
        SourceLimits d = SourceLimits.defaults();
        return new SourceLimits(
                config.decimal("thumbler.max-src-resolution", d.maxResolutionMegapixels(), 0.01, 100_000),
                d.maxSideLength(),
                MaxSourceFileSize.read(config),
                config.integer("thumbler.max-src-frames", d.maxFrames(), 1, HeaderSniffer.FRAME_COUNT_CAP),
                d.readableFormats());
    }

    /**
     * How many render slots a render of this original takes: every slot for a HEIC or AVIF original
     * above {@link #aloneAboveMegapixels} (its decoder's memory is outside ImageMagick's limit, so
     * two at once could pass the memory the server is sized for), else one.
     */
    public int slotsFor(ImageHeader header) {
        boolean decodedWhole = header.format() == ImageFormat.HEIC || header.format() == ImageFormat.AVIF;
        return decodedWhole && header.totalPixels() > aloneAboveMegapixels * 1_000_000 ? concurrency : 1;
    }

    public Path convertBinary() {
        return imageMagickDir.resolve("convert");
    }
}
