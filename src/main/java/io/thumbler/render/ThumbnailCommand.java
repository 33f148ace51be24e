package io.thumbler.render;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.im4java.core.IMOperation;

import io.thumbler.image.ImageFormat;
import io.thumbler.image.ImageHeader;
import io.thumbler.transform.Rgb;
import io.thumbler.transform.Transform;

/**
 * Builds the {@code convert} arguments for a render from Thumbler's own values only: numbers the
 * {@link GeometryPlanner} computed, enum names, colours parsed to hex, and files Thumbler created.
 * No request string ever reaches ImageMagick.
 *
 * <p>The order is imgproxy's pipeline: read and orient ({@link SourceReading}), cut the source
 * (trim, crop), scale to the exact planned size, cut to the box, filters, extend, extend to aspect
 * ratio, padding, flatten, watermark, metadata, encoding. {@code -define jpeg:size} before the input lets
 * libjpeg decode at a fraction of the size (measured on a 20 MP photo: 75 ms against 1 s for a
 * plain {@code -resize}); it is left out when the
 * source is cut first, because the cut is in full-size pixels.
 */
public final class ThumbnailCommand {

    /** The watermark image as Thumbler wrote it into the render's directory. */
    static final String WATERMARK_FILE = "wm";
    /** The watermark scaled, tiled and faded, written by the same convert before it is drawn. */
    static final String PREPARED_WATERMARK_FILE = "wm-ready.png";

    private ThumbnailCommand() {
    }

    public static List<String> arguments(RenderJob job, ResizeGeometry g, Path input, Path output, Path tempDir, RenderSettings settings) {
        Transform t = job.transform();
        IMOperation op = new IMOperation();
        // Spill files of this render go to its own directory, which is deleted whatever happens.
        op.define("registry:temporary-path=" + tempDir);
        int frames = SourceReading.frames(job, settings);
        if (job.header().format() == ImageFormat.JPEG && g.sourceCrop().isEmpty()) {
            op.define("jpeg:size=" + shrinkOnLoadHint(job, g));
        }
        SourceReading.addTo(op, job, input, frames, settings);
        g.sourceCrop().ifPresent(r -> crop(op, r));
        // -thumbnail is -resize that also strips profiles: use it only when metadata goes anyway
        op.addRawArgs(t.encoding().stripMetadata() ? "-thumbnail" : "-resize", g.resizeWidth() + "x" + g.resizeHeight() + "!");
        g.resultCrop().ifPresent(r -> crop(op, r));
        Filters.addTo(op, t, g);

        // BMP has alpha only in headers few readers honour; imgproxy flattens it like JPEG.
        boolean opaque = job.output() == ImageFormat.JPEG || job.output() == ImageFormat.BMP || t.background().isPresent();
        String canvas = t.background().map(c -> "#" + c.hex()).orElse(opaque ? "white" : "none");
        g.extend().ifPresent(r -> place(op, r, canvas));
        g.aspectExtend().ifPresent(r -> place(op, r, canvas));
        if (g.padded()) {
            place(op, new Rect(g.paddingLeft(), g.paddingTop(), g.outputWidth(), g.outputHeight()), canvas);
        }
        if (opaque) {
            // Flatten onto the background (white by default), as imgproxy does, not onto ImageMagick's black.
            op.background("#" + t.background().orElse(Rgb.WHITE).hex());
            op.alpha("remove");
            op.alpha("off");
        }
        job.drawnWatermark().ifPresent(w -> watermark(op, job, w, g, tempDir));
        Metadata.addTo(op, t);
        if (job.output().lossy()) {
            op.quality((double) job.quality());
        }
        if (job.output() == ImageFormat.JPEG && settings.jpegProgressive()) {
            op.interlace("Plane");
        }
        if (job.output() == ImageFormat.TIFF) {
            // Lossless and read by every TIFF reader; ImageMagick would otherwise write it uncompressed.
            op.compress("LZW");
        }
        if (frames > 1 && job.output() == ImageFormat.GIF) {
            op.layers("Optimize");
        }
        op.addImage(job.output().coder() + ":" + output);
        return op.getCmdArgs();
    }

    /**
     * imgproxy draws the watermark last, after padding and flattening. Inside parentheses the
     * watermark is read (explicit coder, first frame), put upright, scaled, tiled and faded by the
     * opacity, and written to a PNG in the render's directory; {@code -draw image over} then
     * composes that file onto every frame, so animations are watermarked frame by frame.
     * {@code -draw} refuses an explicit coder prefix in this ImageMagick, so the prepared file is
     * read by its PNG signature; Thumbler wrote it a moment before, in a directory only this
     * process can read.
     */
    private static void watermark(IMOperation op, RenderJob job, WatermarkImage w, ResizeGeometry g, Path tempDir) {
        Optional<WatermarkLayout> layout = WatermarkLayout.of(w, job.transform().watermark(), g.outputWidth(), g.outputHeight(),
                g.dprScale());
        if (layout.isEmpty()) {
            return; // wholly outside the image, as imgproxy skips it
        }
        WatermarkLayout l = layout.get();
        double opacity = job.transform().watermark().opacity() * w.opacity();
        Path prepared = tempDir.resolve(PREPARED_WATERMARK_FILE);
        op.openOperation();
        op.addImage(w.header().format().coder() + ":" + tempDir.resolve(WATERMARK_FILE) + "[0]");
        // Upright by the orientation Java read, as for originals: ImageMagick 6 ignores PNG and WebP EXIF
        // orientation, and the layout was sized from the upright dimensions.
        SourceReading.orient(op, w.header().orientation());
        op.addRawArgs("-resize", l.width() + "x" + l.height() + "!");
        op.alpha("set");
        if (l.tiled()) {
            op.background("none");
            op.gravity("NorthWest");
            op.addRawArgs("-extent", String.format(Locale.ROOT, "%dx%d-%d-%d", l.padLeft() + l.width() + l.padRight(),
                    l.padTop() + l.height() + l.padBottom(), l.padLeft(), l.padTop()));
            if (l.across() > 1) {
                op.addRawArgs("-duplicate", Integer.toString(l.across() - 1), "+append");
            }
            if (l.down() > 1) {
                op.addRawArgs("-duplicate", Integer.toString(l.down() - 1), "-append");
            }
        }
        if (opacity < 1) {
            op.channel("A");
            op.evaluate("multiply", String.format(Locale.ROOT, "%.4f", opacity));
            op.p_channel();
        }
        // -draw image also paints one more column and row, copies of the last ones (measured on
        // 6.9.11): a transparent border there makes them paint nothing, and the rest is exact.
        int preparedW = l.tiled() ? l.across() * (l.padLeft() + l.width() + l.padRight()) : l.width();
        int preparedH = l.tiled() ? l.down() * (l.padTop() + l.height() + l.padBottom()) : l.height();
        op.background("none");
        op.gravity("NorthWest");
        op.addRawArgs("-extent", (preparedW + 1) + "x" + (preparedH + 1));
        op.write("PNG32:" + prepared);
        op.p_delete();
        op.closeOperation();
        op.gravity("NorthWest");
        op.draw(String.format(Locale.ROOT, "image over %d,%d 0,0 '%s'", l.left(), l.top(), prepared));
    }

    /** Twice the scaled size on each side, in the stored (not upright) axes libjpeg decodes in. */
    private static String shrinkOnLoadHint(RenderJob job, ResizeGeometry g) {
        ImageHeader h = job.header();
        Transform t = job.transform();
        boolean storedSwapped = (t.autoRotate() && h.swapsAxes()) ^ (t.rotate() % 180 == 90);
        int[] frame = SourceReading.frameSize(h, t);
        int hintW = Math.min(2 * g.resizeWidth(), t.rotate() % 180 == 90 ? frame[1] : frame[0]);
        int hintH = Math.min(2 * g.resizeHeight(), t.rotate() % 180 == 90 ? frame[0] : frame[1]);
        return storedSwapped ? hintH + "x" + hintW : hintW + "x" + hintH;
    }

    static void crop(IMOperation op, Rect r) {
        op.crop(r.width(), r.height(), r.x(), r.y());
        op.p_repage();
    }

    /** A canvas of {@code r.width × r.height} with the image at {@code r.x, r.y}. */
    private static void place(IMOperation op, Rect r, String color) {
        op.background(color);
        op.gravity("NorthWest");
        // A negative extent offset places the image that far from the canvas' top-left corner.
        op.addRawArgs("-extent", String.format(Locale.ROOT, "%dx%d-%d-%d", r.width(), r.height(), r.x(), r.y()));
    }
}
