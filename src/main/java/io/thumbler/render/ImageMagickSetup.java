package io.thumbler.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.thumbler.image.HeaderSniffer;
import io.thumbler.image.ImageFormat;
import io.thumbler.image.ImageHeader;
import io.thumbler.transform.Transform;

/**
 * Prepares ImageMagick once per deployment: unpacks the WAR's own {@code policy.xml} into a private
 * folder that every child process gets as {@code MAGICK_CONFIGURE_PATH} (so any deployment of the
 * WAR is locked down, not only the quick start), runs {@link ImageMagickSelfTest} (our policy first,
 * our limits in force, SVG and MVG refused, a JPEG renders) and then a canary through the real
 * render path. Until both passed, readiness is DOWN with the reason.
 */
@ApplicationScoped
public class ImageMagickSetup {

    private static final Logger LOG = Logger.getLogger(ImageMagickSetup.class.getName());

    @Inject
    RenderSettings settings;

    private Renderer renderer;
    private Path policyDir;
    private volatile String notReadyReason = "ImageMagick has not been checked yet";

    @PostConstruct
    void start() {
        policyDir = settings.tempDir().resolve("policy");
        try {
            ImageMagickSelfTest.extractPolicy(policyDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot unpack the ImageMagick policy into " + policyDir + ": " + e.getMessage(), e);
        }
        Map<String, String> env = Map.of(
                "MAGICK_CONFIGURE_PATH", policyDir.toString(),
                "MAGICK_THREAD_LIMIT", "1");
        renderer = new Renderer(new ConvertProcess(settings.convertBinary(), env, settings.renderTimeout()), settings);
        if (!Files.isExecutable(settings.convertBinary())) {
            // Not a startup failure: the server stays up, DOWN with the reason, so an orchestrator
            // shows what is missing; installing ImageMagick and restarting fixes it.
            notReadyReason = "no executable ImageMagick 'convert' at " + settings.convertBinary()
                    + " (install ImageMagick 6: apt-get install imagemagick, or set THUMBLER_IMAGEMAGICK_PATH)";
            LOG.severe(notReadyReason);
            return;
        }
        ImageMagickSelfTest.Result selfTest = new ImageMagickSelfTest(settings.convertBinary(), policyDir).run();
        if (!selfTest.ok()) {
            notReadyReason = "ImageMagick self-test failed: " + selfTest.reason();
            LOG.severe(notReadyReason);
            return;
        }
        LOG.info(() -> "ImageMagick self-test passed: " + selfTest.reason());
        checkCanary();
    }

    /** Renders a tiny JPEG through the real render path; readiness follows the outcome. */
    void checkCanary() {
        try (InputStream in = ImageMagickSetup.class.getResourceAsStream("/io/thumbler/render/canary.jpg")) {
            byte[] canary = in.readAllBytes();
            ImageHeader header = HeaderSniffer.sniff(canary);
            Transform t = Transform.builder().width(8).height(8).build();
            Rendition r = renderer.render(new RenderJob(canary, header, t, ImageFormat.JPEG, 80));
            LOG.info(() -> "ImageMagick canary rendered " + r.width() + "x" + r.height() + " in " + r.renderMillis()
                    + " ms with policy " + policyDir + " and " + settings.convertBinary());
            notReadyReason = null;
        } catch (IOException | RuntimeException e) {
            notReadyReason = "ImageMagick canary render failed: " + e.getMessage();
            LOG.log(Level.SEVERE, notReadyReason, e);
        }
    }

    public boolean ready() {
        return notReadyReason == null;
    }

    /** Why ImageMagick is not ready, or {@code null} when it is. */
    public String notReadyReason() {
        return notReadyReason;
    }

    public Renderer renderer() {
        return renderer;
    }

    public RenderSettings settings() {
        return settings;
    }

    public Path policyDir() {
        return policyDir;
    }
}
