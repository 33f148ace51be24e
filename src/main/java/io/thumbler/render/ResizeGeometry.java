package io.thumbler.render;

/**
 * The exact pixel operations of one render, computed in Java from the oriented source size and the
 * transform, so that the output size is imgproxy's, not whatever ImageMagick's geometry rounding
 * would give.
 *
 * @param resizeWidth  width after scaling (before any crop)
 * @param resizeHeight height after scaling
 * @param cropWidth    width of the crop window taken from the scaled image (= resizeWidth when no crop)
 * @param cropHeight   height of the crop window
 * @param cropX        left edge of the crop window
 * @param cropY        top edge of the crop window
 * @param canvasWidth  width of the final canvas (larger than the crop when extending)
 * @param canvasHeight height of the final canvas
 * @param canvasX      where the image is placed on the canvas, from the left
 * @param canvasY      where the image is placed on the canvas, from the top
 */
public record ResizeGeometry(int resizeWidth, int resizeHeight,
                             int cropWidth, int cropHeight, int cropX, int cropY,
                             int canvasWidth, int canvasHeight, int canvasX, int canvasY) {

    public boolean crops() {
        return cropWidth != resizeWidth || cropHeight != resizeHeight;
    }

    public boolean extends_() {
        return canvasWidth != cropWidth || canvasHeight != cropHeight;
    }

    /** The size of the output image. */
    public int outputWidth() {
        return canvasWidth;
    }

    public int outputHeight() {
        return canvasHeight;
    }
}
