package io.thumbler.render;

import java.util.Optional;

import io.thumbler.transform.Extend;
import io.thumbler.transform.Gravity;
import io.thumbler.transform.InvalidOptionException;
import io.thumbler.transform.ResizeType;
import io.thumbler.transform.Transform;

/**
 * imgproxy's geometry, step for step (its {@code prepare}, {@code crop}, {@code scale},
 * {@code cropToResult}, {@code extend}, {@code extendAspectRatio} and {@code padding}): the
 * trim box and {@code crop} cut the source, {@link ScaleFactors} scales what is left, the result
 * is cut to the box (reduced for {@code fill-down}), then canvases grow and padding is added.
 * Sizes round like libvips ({@code round half up}); positions like imgproxy ({@link Placement}).
 */
public final class GeometryPlanner {

    /** Largest output side any URL may produce, DPR and extension included. */
    public static final int MAX_OUTPUT_SIDE = 16_384;

    private GeometryPlanner() {
    }

    /** For sources without trim or smart gravity: the oriented size is all the planner needs. */
    public static ResizeGeometry plan(int srcWidth, int srcHeight, Transform t) {
        return plan(SourceFrame.of(srcWidth, srcHeight), t);
    }

    /**
     * The geometry of {@code t}; under a {@code max_result_dimension} the scale, DPR and padding are
     * reduced so that neither side of the result exceeds it, as imgproxy's {@code limitScale} does
     * (never below one pixel of scaled source).
     */
    public static ResizeGeometry plan(SourceFrame frame, Transform t) {
        ResizeGeometry g = plan(frame, t, 1.0);
        int limit = t.security().maxResultDimension();
        int longer = Math.max(g.outputWidth(), g.outputHeight());
        if (limit > 0 && longer > limit) {
            g = plan(frame, t, (double) limit / longer);
        }
        return g;
    }

    private static ResizeGeometry plan(SourceFrame frame, Transform t, double downScale) {
        boolean quarterTurn = t.rotate() % 180 == 90;
        int frameW = quarterTurn ? frame.height() : frame.width();
        int frameH = quarterTurn ? frame.width() : frame.height();
        Rect work = frame.trim().orElse(new Rect(0, 0, frameW, frameH));

        int cropW = cropSize(work.width(), t.crop().width());
        int cropH = cropSize(work.height(), t.crop().height());
        int scaleW = minNonZero(cropW, work.width());
        int scaleH = minNonZero(cropH, work.height());
        ScaleFactors s = ScaleFactors.of(scaleW, scaleH, t);
        if (downScale != 1.0) {
            s = new ScaleFactors(Math.max(s.width() * downScale, 1.0 / scaleW), Math.max(s.height() * downScale, 1.0 / scaleH),
                    s.dpr() * downScale);
        }

        Rect region = work;
        if (scaleW < work.width() || scaleH < work.height()) {
            Gravity g = Placement.resolve(t.crop().gravity().orElse(t.gravity()), frame.saliency(), work, frameW, frameH,
                    (double) scaleW / work.width(), (double) scaleH / work.height());
            int[] p = Placement.position(work.width(), work.height(), scaleW, scaleH, g, 1.0);
            region = new Rect(work.x() + p[0], work.y() + p[1], scaleW, scaleH);
        }
        Optional<Rect> sourceCrop = region.equals(new Rect(0, 0, frameW, frameH)) ? Optional.empty() : Optional.of(region);

        int rw = Math.max(1, (int) Math.round(scaleW * s.width()));
        int rh = Math.max(1, (int) Math.round(scaleH * s.height()));
        int resultW = scale(t.width(), s.dpr() * t.zoomX());
        int resultH = scale(t.height(), s.dpr() * t.zoomY());
        Optional<Rect> resultCrop = resultCrop(t, rw, rh, resultW, resultH, frame, region, frameW, frameH, s.dpr());

        int imgW = resultCrop.map(Rect::width).orElse(rw);
        int imgH = resultCrop.map(Rect::height).orElse(rh);
        Optional<Rect> extend = t.extend().enabled() ? canvas(resultW, resultH, imgW, imgH, t.extend(), s.dpr()) : Optional.empty();
        if (extend.isPresent()) {
            imgW = extend.get().width();
            imgH = extend.get().height();
        }
        Optional<Rect> aspect = aspectCanvas(t, resultW, resultH, imgW, imgH, s.dpr());
        ResizeGeometry g = new ResizeGeometry(sourceCrop, rw, rh, resultCrop, extend, aspect,
                Placement.scaleToEven(t.padding().top(), s.dpr()), Placement.scaleToEven(t.padding().right(), s.dpr()),
                Placement.scaleToEven(t.padding().bottom(), s.dpr()), Placement.scaleToEven(t.padding().left(), s.dpr()), s.dpr());
        if (g.outputWidth() > MAX_OUTPUT_SIDE || g.outputHeight() > MAX_OUTPUT_SIDE || rw > MAX_OUTPUT_SIDE || rh > MAX_OUTPUT_SIDE) {
            throw new InvalidOptionException("the result would be " + g.outputWidth() + "x" + g.outputHeight()
                    + " pixels; no side may exceed " + MAX_OUTPUT_SIDE);
        }
        return g;
    }

    private static Optional<Rect> resultCrop(Transform t, int rw, int rh, int resultW, int resultH, SourceFrame frame,
                                             Rect region, int frameW, int frameH, double dpr) {
        if (t.resizeType() == ResizeType.FILL_DOWN && resultW > 0 && resultH > 0) {
            double diffW = (double) resultW / rw;
            double diffH = (double) resultH / rh;
            if (diffW > diffH && diffW > 1.0) {
                resultH = (int) Math.round(rw * ((double) resultH / resultW));
                resultW = rw;
            } else if (diffH > diffW && diffH > 1.0) {
                resultW = (int) Math.round(rh * ((double) resultW / resultH));
                resultH = rh;
            }
        }
        int cw = minNonZero(resultW, rw);
        int ch = minNonZero(resultH, rh);
        if (cw >= rw && ch >= rh) {
            return Optional.empty();
        }
        cw = Math.min(cw, rw);
        ch = Math.min(ch, rh);
        Gravity g = Placement.resolve(t.gravity(), frame.saliency(), region, frameW, frameH, (double) cw / rw, (double) ch / rh);
        int[] p = Placement.position(rw, rh, cw, ch, g, dpr);
        return Optional.of(new Rect(p[0], p[1], cw, ch));
    }

    /** imgproxy's {@code extendImage}: a canvas of the target size, when it is larger than the image. */
    private static Optional<Rect> canvas(int targetW, int targetH, int imgW, int imgH, Extend e, double dpr) {
        if (targetW <= imgW && targetH <= imgH) {
            return Optional.empty();
        }
        int w = targetW <= 0 ? imgW : Math.max(targetW, imgW);
        int h = targetH <= 0 ? imgH : Math.max(targetH, imgH);
        int[] p = Placement.position(w, h, imgW, imgH, e.gravity(), dpr);
        return Optional.of(new Rect(p[0], p[1], w, h));
    }

    private static Optional<Rect> aspectCanvas(Transform t, int resultW, int resultH, int imgW, int imgH, double dpr) {
        if (!t.extendAspectRatio().enabled() || resultW == 0 || resultH == 0) {
            return Optional.empty();
        }
        double diffW = (double) resultW / imgW;
        double diffH = (double) resultH / imgH;
        if (diffH > diffW) {
            return canvas(imgW, (int) Math.round(imgW * ((double) resultH / resultW)), imgW, imgH, t.extendAspectRatio(), dpr);
        }
        if (diffW > diffH) {
            return canvas((int) Math.round(imgH * ((double) resultW / resultH)), imgH, imgW, imgH, t.extendAspectRatio(), dpr);
        }
        return Optional.empty();
    }

    /** imgproxy's {@code calcCropSize}: 0 keeps the side, 1 and up is pixels, below 1 a fraction. */
    static int cropSize(int side, double crop) {
        if (crop == 0) {
            return 0;
        }
        return crop >= 1 ? (int) crop : Math.max(1, (int) Math.round(side * crop));
    }

    private static int scale(int a, double factor) {
        return a == 0 ? 0 : (int) Math.round(a * factor);
    }

    static int minNonZero(int a, int b) {
        return a == 0 ? b : b == 0 ? a : Math.min(a, b);
    }
}
