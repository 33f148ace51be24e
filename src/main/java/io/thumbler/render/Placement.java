package io.thumbler.render;

import java.util.Optional;

import io.thumbler.transform.Gravity;
import io.thumbler.transform.GravityType;

/**
 * imgproxy's {@code calcPosition}: where an inner window of {@code innerW × innerH} starts inside
 * an outer one, for a gravity with its offsets, clamped so the window stays inside.
 *
 * <p>The centre uses imgproxy's round-half-to-even of {@code (outer - inner + 1) / 2}; pixel
 * offsets are multiplied by the DPR scale, relative ones (below 1) by the outer size; a focus
 * point centres the window on it. Smart gravity is resolved into a focus point by a
 * {@link SaliencyMap} before it gets here.
 */
final class Placement {

    private Placement() {
    }

    static int[] position(int outerW, int outerH, int innerW, int innerH, Gravity g, double dpr) {
        return position(outerW, outerH, innerW, innerH, g, dpr, false);
    }

    /**
     * @param allowOverflow let the window reach past the outer edges, all but one pixel of it, as
     *                      imgproxy allows a watermark to
     */
    static int[] position(int outerW, int outerH, int innerW, int innerH, Gravity g, double dpr, boolean allowOverflow) {
        int left;
        int top;
        if (g.type() == GravityType.FOCUS_POINT) {
            left = scaleToEven(outerW, g.offsetX()) - innerW / 2;
            top = scaleToEven(outerH, g.offsetY()) - innerH / 2;
        } else {
            int offX = Math.abs(g.offsetX()) >= 1 ? (int) Math.rint(g.offsetX() * dpr) : scaleToEven(outerW, g.offsetX());
            int offY = Math.abs(g.offsetY()) >= 1 ? (int) Math.rint(g.offsetY() * dpr) : scaleToEven(outerH, g.offsetY());
            left = (int) Math.rint((outerW - innerW + 1) / 2.0) + offX;
            top = (int) Math.rint((outerH - innerH + 1) / 2.0) + offY;
            GravityType t = g.type();
            if (t.anchorsNorth()) {
                top = offY;
            }
            if (t.anchorsEast()) {
                left = outerW - innerW - offX;
            }
            if (t.anchorsSouth()) {
                top = outerH - innerH - offY;
            }
            if (t.anchorsWest()) {
                left = offX;
            }
        }
        if (allowOverflow) {
            left = Math.max(-innerW + 1, Math.min(left, outerW - 1));
            top = Math.max(-innerH + 1, Math.min(top, outerH - 1));
        } else {
            left = Math.max(0, Math.min(left, outerW - innerW));
            top = Math.max(0, Math.min(top, outerH - innerH));
        }
        return new int[] {left, top};
    }

    /**
     * Turns smart gravity into the focus point a saliency map finds for this window; other gravities
     * pass through. {@code region} is where the outer image lies in the map's frame.
     */
    static Gravity resolve(Gravity g, Optional<SaliencyMap> saliency, Rect region, int frameW, int frameH,
                           double windowW, double windowH) {
        if (g.type() != GravityType.SMART) {
            return g;
        }
        if (saliency.isEmpty()) {
            return Gravity.CENTER;
        }
        double[] p = saliency.get().focus((double) region.x() / frameW, (double) region.y() / frameH,
                (double) region.width() / frameW, (double) region.height() / frameH, windowW, windowH);
        return new Gravity(GravityType.FOCUS_POINT, p[0], p[1]);
    }

    static int scaleToEven(int a, double scale) {
        return a == 0 ? 0 : (int) Math.rint(a * scale);
    }
}
