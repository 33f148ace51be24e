package io.thumbler.it;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

/**
 * Decodes test outputs to pixels so tests compare images by size and similarity, never by bytes.
 * ImageIO reads JPEG, PNG and GIF; WebP and AVIF are converted to PNG with the real ImageMagick
 * first (test code only: the service itself never decodes in Java). The render tests share
 * {@link #meanDifference}.
 */
public final class Images {

    private Images() {
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img != null) {
                return img;
            }
            return ImageIO.read(new ByteArrayInputStream(toPng(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] toPng(byte[] bytes) throws IOException {
        Path in = Files.createTempFile("thumbler-test-", ".img");
        Path out = Files.createTempFile("thumbler-test-", ".png");
        try {
            Files.write(in, bytes);
            Process p = new ProcessBuilder("/usr/bin/convert", in + "[0]", "png:" + out).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("convert could not decode the test output");
            }
            return Files.readAllBytes(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }

    /** Mean absolute difference per channel, 0 (identical) to 255, after scaling {@code b} to {@code a}'s size. */
    public static double meanDifference(BufferedImage a, BufferedImage b) {
        BufferedImage scaled = new BufferedImage(a.getWidth(), a.getHeight(), BufferedImage.TYPE_INT_RGB);
        scaled.getGraphics().drawImage(b, 0, 0, a.getWidth(), a.getHeight(), null);
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = scaled.getRGB(x, y);
                sum += Math.abs(((p >> 16) & 0xff) - ((q >> 16) & 0xff))
                        + Math.abs(((p >> 8) & 0xff) - ((q >> 8) & 0xff))
                        + Math.abs((p & 0xff) - (q & 0xff));
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
