package io.thumbler.render;

import java.nio.file.Path;
import java.util.List;

import org.im4java.core.IMOperation;

/**
 * Builds the {@code convert} arguments for a render from Thumbler's own values only: the job's
 * numbers, enum names and two file names that Thumbler created. No request string ever reaches
 * ImageMagick, and both files carry an explicit coder prefix so ImageMagick never guesses a format.
 *
 * <p>The order follows research/perf-anchors.md: {@code -define jpeg:size} before the input lets
 * libjpeg decode at 1/2, 1/4 or 1/8 scale (on a 20 MP photo 75 ms instead of 1006 ms), sized from
 * the scaled image so both sides keep twice the pixels they need; then {@code -auto-orient},
 * {@code -thumbnail} to the exact size {@link GeometryPlanner} computed, the crop window, the
 * canvas, {@code -strip}, the quality.
 */
public final class ThumbnailCommand {

    private ThumbnailCommand() {
    }

    public static List<String> arguments(RenderJob job, ResizeGeometry g, Path input, Path output, Path tempDir) {
        ImageHeader header = job.header();
        IMOperation op = new IMOperation();
        // Spill files of this render go to its own directory, which is deleted whatever happens.
        op.define("registry:temporary-path=" + tempDir);
        if (header.format() == ImageFormat.JPEG) {
            int hintW = Math.min(2 * g.resizeWidth(), header.orientedWidth());
            int hintH = Math.min(2 * g.resizeHeight(), header.orientedHeight());
            op.define("jpeg:size=" + (header.swapsAxes() ? hintH + "x" + hintW : hintW + "x" + hintH));
        }
        // [0]: only the first frame is read, so a 10 000-frame GIF costs one frame.
        op.addImage(header.format().coder() + ":" + input + "[0]");
        op.autoOrient();
        if ("CMYK".equals(header.colorSpace()) || "YCCK".equals(header.colorSpace())) {
            op.colorspace("sRGB");
        }
        op.thumbnail(g.resizeWidth(), g.resizeHeight(), '!');
        if (g.crops()) {
            op.crop(g.cropWidth(), g.cropHeight(), g.cropX(), g.cropY());
            op.p_repage();
        }
        boolean opaqueOutput = job.output() == ImageFormat.JPEG;
        if (g.extends_()) {
            op.background(opaqueOutput ? "white" : "none");
            op.gravity("NorthWest");
            // A negative extent offset places the image that far from the canvas' top-left corner.
            op.addRawArgs("-extent", g.canvasWidth() + "x" + g.canvasHeight() + "-" + g.canvasX() + "-" + g.canvasY());
        }
        if (opaqueOutput) {
            // JPEG has no alpha: flatten onto white as imgproxy does, not onto ImageMagick's black.
            op.background("white");
            op.alpha("remove");
            op.alpha("off");
        }
        op.strip();
        if (job.output() != ImageFormat.PNG && job.output() != ImageFormat.GIF) {
            op.quality((double) job.quality());
        }
        op.addImage(job.output().coder() + ":" + output);
        return op.getCmdArgs();
    }
}
