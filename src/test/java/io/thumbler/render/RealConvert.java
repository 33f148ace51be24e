package io.thumbler.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import io.thumbler.image.HeaderSniffer;
import io.thumbler.image.ImageFormat;
import io.thumbler.image.SourceLimits;
import io.thumbler.it.Images;
import io.thumbler.transform.OptionParser;
import io.thumbler.transform.Transform;

/**
 * Test fixture: a {@link Renderer} over the real {@code /usr/bin/convert} with the shipped
 * policy.xml, reference images made with hand-written {@code convert} commands (system policy, so
 * the test can read TIFF references), and a pixel comparison.
 */
final class RealConvert {

    static final Path SAMPLES = Path.of(System.getProperty("thumbler.samples", "samples")).toAbsolutePath();
    /** The shared image corpus next to the checkout (../shared/corpus) (the TIFF references live only there). */
    static final Path CORPUS = Path.of(System.getProperty("thumbler.corpus", "../shared/corpus")).toAbsolutePath();

    private final Path dir;
    final Renderer renderer;
    final RenderSettings settings;

    RealConvert() {
        try {
            dir = Files.createTempDirectory("thumbler-render-test");
            Path policy = dir.resolve("policy");
            ImageMagickSelfTest.extractPolicy(policy);
            settings = new RenderSettings(Path.of("/usr/bin"), 1, 1, Duration.ofSeconds(10), 12, Duration.ofSeconds(30),
                    dir.resolve("tmp"), 80, Map.of(ImageFormat.WEBP, 79, ImageFormat.AVIF, 63), 64, false,
                    Optional.of(Path.of(RenderSettings.DEFAULT_SRGB_PROFILE)).filter(Files::isReadable),
                    SourceLimits.defaults());
            renderer = new Renderer(new ConvertProcess(Path.of("/usr/bin/convert"),
                    Map.of("MAGICK_CONFIGURE_PATH", policy.toString(), "MAGICK_THREAD_LIMIT", "1"), Duration.ofSeconds(30)), settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code img} encoded as PNG by the JDK: an original made in a test, not by ImageMagick. */
    static byte[] pngBytes(java.awt.image.BufferedImage img) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] sample(String name) {
        try {
            Path p = SAMPLES.resolve(name);
            return Files.readAllBytes(Files.exists(p) ? p : CORPUS.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Transform options(String options) {
        return options.isEmpty() ? Transform.defaults() : new OptionParser().parse(Arrays.asList(options.split("/")));
    }

    Rendition render(byte[] original, String options, ImageFormat output) {
        Transform t = options(options);
        return renderer.render(new RenderJob(original, HeaderSniffer.sniff(original), t, output,
                settings.qualityFor(output, t.encoding())));
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reference made by a hand-written convert command: {@code convert <input> <args…> png:<out>}. */
    BufferedImage reference(String input, String... args) {
        try {
            Path out = Files.createTempFile(dir, "ref", ".png");
            Path in = SAMPLES.resolve(input);
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/convert", (Files.exists(in) ? in : CORPUS.resolve(input)).toString()));
            cmd.addAll(List.of(args));
            cmd.add("png:" + out);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("reference convert failed: " + log);
            }
            return decode(Files.readAllBytes(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Mean absolute difference per channel (0 identical … 255), after scaling {@code b} to {@code a}'s size. */
    static double meanDifference(BufferedImage a, BufferedImage b) {
        return Images.meanDifference(a, b);
    }

    /** 0xRRGGBB of one pixel. */
    static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xffffff;
    }
}
