package io.thumbler.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import io.thumbler.render.ConvertProcess;

/**
 * What identifies the renderer's output apart from the request: ImageMagick's {@code -version}
 * text (a new release may encode differently) and the hash of the policy file (it decides what
 * ImageMagick may do). Part of every rendition key, so an upgrade of either starts a fresh set of
 * variants instead of serving the old ones from disk. Computed once at startup.
 */
public final class RendererVersion {

    private static final Logger LOG = Logger.getLogger(RendererVersion.class.getName());

    private RendererVersion() {
    }

    /**
     * @param convert the {@code convert} binary
     * @param policy  the policy file every child process gets
     * @return a short hex digest
     */
    public static String of(Path convert, Path policy) {
        return CacheKeys.sha256(imageMagickVersion(convert), policyText(policy)).substring(0, 16);
    }

    /** The "Version:" line of {@code convert -version}, or {@code unknown} when it cannot be read. */
    public static String imageMagickVersion(Path convert) {
        try {
            ProcessBuilder builder = new ProcessBuilder(convert.toString(), "-version").redirectErrorStream(true);
            ConvertProcess.isolate(builder);
            Process p = builder.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(convert + " -version did not exit with 0");
            }
            // Only the "Version:" line: the rest lists delegates and build features in an order that may vary.
            String text = new String(out, StandardCharsets.UTF_8);
            return text.lines().filter(l -> l.startsWith("Version:")).findFirst().orElse(text);
        } catch (IOException | RuntimeException e) {
            // The canary check reports a broken ImageMagick; the key must still be stable meanwhile.
            LOG.warning("cannot read the ImageMagick version from " + convert + " -version: " + e
                    + "; rendition keys use 'unknown' until the next start");
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String policyText(Path policy) {
        try {
            return Files.readString(policy, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the ImageMagick policy " + policy + ": " + e.getMessage(), e);
        }
    }
}
