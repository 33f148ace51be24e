package io.thumbler.render;

import java.util.Locale;

import org.im4java.core.IMOperation;

import io.thumbler.transform.Transform;

/**
 * imgproxy's filters, applied after the image has its final crop and before any canvas grows:
 * Gaussian blur and sharpen by sigma, and pixelation in square blocks (DPR-scaled) that start at the
 * top-left corner, as libvips' shrink-then-zoom gives them.
 */
final class Filters {

    private Filters() {
    }

    static void addTo(IMOperation op, Transform t, ResizeGeometry g) {
        if (t.blur() > 0) {
            op.addRawArgs("-blur", String.format(Locale.ROOT, "0x%.6f", t.blur()));
        }
        if (t.sharpen() > 0) {
            op.addRawArgs("-sharpen", String.format(Locale.ROOT, "0x%.6f", t.sharpen()));
        }
        if (t.pixelate() > 1) {
            int w = g.croppedWidth();
            int h = g.croppedHeight();
            int block = Math.max(1, Math.min(Math.min(w, h), (int) Math.round(t.pixelate() * g.dprScale())));
            int cols = (w + block - 1) / block;
            int rows = (h + block - 1) / block;
            op.addRawArgs("-scale", cols + "x" + rows + "!");
            op.addRawArgs("-sample", cols * block + "x" + rows * block + "!");
            ThumbnailCommand.crop(op, new Rect(0, 0, w, h));
        }
    }
}
