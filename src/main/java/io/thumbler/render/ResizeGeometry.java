package io.thumbler.render;

import java.util.Optional;

/**
 * The exact pixel operations of one render, computed in Java by {@link GeometryPlanner} so that
 * the output size is imgproxy's, not whatever ImageMagick's geometry rounding would give. Every
 * step works in the frame after orientation, rotation and flips.
 *
 * @param sourceCrop   the part of the source kept by {@code trim} and {@code crop}, if any
 * @param resizeWidth  width after scaling the kept part
 * @param resizeHeight height after scaling
 * @param resultCrop   the window cut from the scaled image ({@code fill}, {@code fill-down}), if any
 * @param extend       the canvas of {@code extend} and where the image sits on it, if it grows
 * @param aspectExtend the canvas of {@code extend_aspect_ratio}, if it grows
 * @param paddingTop   padding in output pixels (already DPR-scaled); likewise the other three
 * @param dprScale     the DPR that was applied (imgproxy lowers it when the source is too small)
 */
public record ResizeGeometry(Optional<Rect> sourceCrop, int resizeWidth, int resizeHeight, Optional<Rect> resultCrop,
                             Optional<Rect> extend, Optional<Rect> aspectExtend,
                             int paddingTop, int paddingRight, int paddingBottom, int paddingLeft, double dprScale) {

    /** Size after the result crop, before any canvas grows. */
    public int croppedWidth() {
        return resultCrop.map(Rect::width).orElse(resizeWidth);
    }

    public int croppedHeight() {
        return resultCrop.map(Rect::height).orElse(resizeHeight);
    }

    public boolean padded() {
        return paddingTop + paddingRight + paddingBottom + paddingLeft > 0;
    }

    /** The size of the output image. */
    public int outputWidth() {
        int w = aspectExtend.map(Rect::width).orElse(extend.map(Rect::width).orElse(croppedWidth()));
        return w + paddingLeft + paddingRight;
    }

    public int outputHeight() {
        int h = aspectExtend.map(Rect::height).orElse(extend.map(Rect::height).orElse(croppedHeight()));
        return h + paddingTop + paddingBottom;
    }
}
