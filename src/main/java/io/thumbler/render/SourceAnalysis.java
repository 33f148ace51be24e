package io.thumbler.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.im4java.core.IMOperation;

import io.thumbler.error.ThumblerException;
import io.thumbler.transform.GravityType;
import io.thumbler.transform.Transform;
import io.thumbler.transform.Trim;

/**
 * A short first {@code convert} pass for the two options whose geometry depends on the pixels:
 * {@code trim} (ImageMagick prints the bounding box of what differs from the border colour) and
 * smart gravity (ImageMagick writes a small preview that {@link SaliencyMap} scores in Java; it is
 * a PNG this pass just made, so decoding it in Java reads no untrusted bytes). Both see the frame
 * {@link SourceReading} produces, so the results plug straight into {@link GeometryPlanner}.
 */
final class SourceAnalysis {

    /** Longest side of the saliency preview: enough to find a subject, cheap to score exhaustively. */
    static final int PREVIEW_SIDE = 96;
    private static final Pattern BOX = Pattern.compile("(\\d+)x(\\d+)\\+(\\d+)\\+(\\d+)");

    private SourceAnalysis() {
    }

    static boolean needed(Transform t) {
        return t.trim().enabled() || smart(t);
    }

    private static boolean smart(Transform t) {
        return t.gravity().type() == GravityType.SMART
                || t.crop().gravity().map(g -> g.type() == GravityType.SMART).orElse(false);
    }

    /** @param budget what is left of the render's deadline */
    static SourceFrame analyse(RenderJob job, Path input, Path dir, ConvertProcess convert, RenderSettings settings,
                               Duration budget) throws IOException {
        Transform t = job.transform();
        int[] size = SourceReading.frameSize(job.header(), t);
        int frameW = t.rotate() % 180 == 90 ? size[1] : size[0];
        int frameH = t.rotate() % 180 == 90 ? size[0] : size[1];
        // not "preview": ImageMagick takes a file of that bare name for its PREVIEW coder
        Path preview = dir.resolve("saliency.png");
        IMOperation op = new IMOperation();
        op.define("registry:temporary-path=" + dir);
        SourceReading.addTo(op, job, input, 1, settings);
        Trim trim = t.trim();
        if (trim.enabled()) {
            if (trim.color().isPresent()) {
                op.bordercolor("#" + trim.color().get().hex()).border(1);
            } else {
                addTopLeftColourBorder(op);
            }
            op.fuzz(trim.threshold() * 100 / 255, true);
            op.addRawArgs("-print", "%@\\n");
            op.shave(1, 1);
        }
        op.thumbnail(PREVIEW_SIDE, PREVIEW_SIDE);
        op.addImage("PNG24:" + preview);
        ConvertProcess.Result r = convert.run(op.getCmdArgs(), dir, budget);
        if (!r.succeeded()) {
            throw ConvertFailure.of("analysis", r, settings.renderTimeout());
        }
        Optional<Rect> box = trim.enabled() ? trimBox(r.stdout(), trim, frameW, frameH) : Optional.empty();
        Optional<SaliencyMap> saliency = Optional.empty();
        if (smart(t)) {
            BufferedImage img = ImageIO.read(Files.newInputStream(preview));
            saliency = Optional.ofNullable(img).map(SaliencyMap::of);
        }
        return new SourceFrame(size[0], size[1], box, saliency);
    }

    /**
     * Surrounds the frame with a 1-pixel border of its top-left pixel's colour. imgproxy trims
     * everything that differs from the top-left pixel on all four sides (libvips {@code find_trim}
     * with that pixel as background), while ImageMagick 6's bounding box compares the left and top
     * edges with the top-left corner, the right edge with the top-right and the bottom edge with the
     * bottom-left corner; with this border all three corners it reads are the top-left colour.
     *
     * <p>{@code -bordercolor} takes no pixel reference in ImageMagick 6, so the border comes from a
     * canvas: the top-left pixel, cropped and distorted onto a viewport two pixels larger than the
     * frame, is that colour everywhere (outside its one pixel, {@code -distort} reads the edge, the
     * default virtual pixel); the frame is copied into its middle, alpha included.
     */
    private static void addTopLeftColourBorder(IMOperation op) {
        op.addRawArgs("(", "+clone", "+repage", "-set", "option:distort:viewport", "%[fx:w+2]x%[fx:h+2]",
                "-crop", "1x1+0+0", "+repage", "-distort", "SRT", "0", "+repage", ")",
                "+swap", "-gravity", "center", "-compose", "Copy", "-composite", "+gravity", "+compose");
    }

    /**
     * The printed bounding box, shifted back by the 1-pixel border added before it was measured, made
     * symmetric when asked; empty when nothing or everything would be trimmed (imgproxy keeps the
     * image then).
     */
    static Optional<Rect> trimBox(String printed, Trim trim, int frameW, int frameH) {
        Matcher m = BOX.matcher(printed.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        int x = Math.max(0, Integer.parseInt(m.group(3)) - 1);
        int y = Math.max(0, Integer.parseInt(m.group(4)) - 1);
        w = Math.min(w, frameW - x);
        h = Math.min(h, frameH - y);
        if (w <= 1 || h <= 1 || (w == frameW && h == frameH)) {
            return Optional.empty();
        }
        if (trim.equalHorizontal()) {
            int cut = Math.min(x, frameW - x - w);
            x = cut;
            w = frameW - 2 * cut;
        }
        if (trim.equalVertical()) {
            int cut = Math.min(y, frameH - y - h);
            y = cut;
            h = frameH - 2 * cut;
        }
        return Optional.of(new Rect(x, y, w, h));
    }
}
