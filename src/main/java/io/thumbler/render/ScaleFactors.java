package io.thumbler.render;

import io.thumbler.transform.ResizeType;
import io.thumbler.transform.Transform;

/**
 * imgproxy's {@code calcScale}: the horizontal and vertical scale for a source of
 * {@code width × height} and the DPR that was actually applied.
 *
 * <p>Worked in "shrink" factors as imgproxy does: a zero side follows the other (except for
 * {@code force}); {@code fit} takes the larger shrink, {@code fill} the smaller; {@code auto} is
 * fill when source and box share an orientation. Zoom divides the shrink; without
 * {@code enlarge} nothing grows, and the DPR is capped at what the source can give; min-width and
 * min-height then override; the shrink never goes below one pixel.
 */
record ScaleFactors(double width, double height, double dpr) {

    static ScaleFactors of(int width, int height, Transform t) {
        double srcW = width;
        double srcH = height;
        double dstW = t.width() == 0 ? srcW : t.width();
        double dstH = t.height() == 0 ? srcH : t.height();
        double wShrink = dstW == srcW ? 1 : srcW / dstW;
        double hShrink = dstH == srcH ? 1 : srcH / dstH;
        if (wShrink != 1 || hShrink != 1) {
            ResizeType rt = t.resizeType();
            if (rt == ResizeType.AUTO) {
                boolean sameOrientation = (srcW - srcH >= 0) == (dstW - dstH >= 0);
                rt = sameOrientation ? ResizeType.FILL : ResizeType.FIT;
            }
            if (t.width() == 0 && rt != ResizeType.FORCE) {
                wShrink = hShrink;
            } else if (t.height() == 0 && rt != ResizeType.FORCE) {
                hShrink = wShrink;
            } else if (rt == ResizeType.FIT) {
                wShrink = hShrink = Math.max(wShrink, hShrink);
            } else if (rt == ResizeType.FILL || rt == ResizeType.FILL_DOWN) {
                wShrink = hShrink = Math.min(wShrink, hShrink);
            }
        }
        wShrink /= t.zoomX();
        hShrink /= t.zoomY();
        double dpr = t.dpr();
        if (!t.enlarge()) {
            double minShrink = Math.min(wShrink, hShrink);
            if (minShrink < 1) {
                wShrink /= minShrink;
                hShrink /= minShrink;
                if (!t.extend().enabled()) {
                    dpr /= minShrink;
                }
            }
            dpr = Math.min(dpr, Math.min(wShrink, hShrink));
        }
        if (t.minWidth() > 0) {
            double minShrink = srcW / t.minWidth();
            if (minShrink < wShrink) {
                hShrink /= wShrink / minShrink;
                wShrink = minShrink;
            }
        }
        if (t.minHeight() > 0) {
            double minShrink = srcH / t.minHeight();
            if (minShrink < hShrink) {
                wShrink /= hShrink / minShrink;
                hShrink = minShrink;
            }
        }
        wShrink = Math.min(wShrink / dpr, srcW);
        hShrink = Math.min(hShrink / dpr, srcH);
        return new ScaleFactors(1 / wShrink, 1 / hShrink, dpr);
    }
}
