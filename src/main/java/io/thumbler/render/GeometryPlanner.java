package io.thumbler.render;

import io.thumbler.transform.ResizeType;
import io.thumbler.transform.Transform;

/**
 * imgproxy's resize arithmetic: scale factors per resizing type, the enlarge rule, the crop window
 * of {@code fill} placed by gravity, and the canvas of {@code extend}.
 *
 * <p>Scale factors follow imgproxy's {@code calcScale}: a zero width or height follows the other
 * side's factor (except for {@code force}, where it keeps the source size); {@code fit} takes the
 * smaller factor, {@code fill} the larger; without {@code enlarge} nothing grows beyond the source.
 */
public final class GeometryPlanner {

    private GeometryPlanner() {
    }

    /**
     * @param srcWidth  source width as the viewer sees it (after EXIF orientation)
     * @param srcHeight source height as the viewer sees it
     */
    public static ResizeGeometry plan(int srcWidth, int srcHeight, Transform t) {
        int w = t.width();
        int h = t.height();
        ResizeType type = t.resizeType();
        if (type == ResizeType.AUTO) {
            boolean srcPortrait = srcHeight > srcWidth;
            boolean boxPortrait = h > w;
            type = w == 0 || h == 0 || srcPortrait == boxPortrait ? ResizeType.FILL : ResizeType.FIT;
        }
        double xScale = w == 0 ? 1 : (double) w / srcWidth;
        double yScale = h == 0 ? 1 : (double) h / srcHeight;
        if (type != ResizeType.FORCE) {
            if (w == 0 && h == 0) {
                xScale = yScale = 1;
            } else if (w == 0) {
                xScale = yScale;
            } else if (h == 0) {
                yScale = xScale;
            } else if (type == ResizeType.FIT) {
                xScale = yScale = Math.min(xScale, yScale);
            } else {
                xScale = yScale = Math.max(xScale, yScale);
            }
        }
        if (!t.enlarge()) {
            // Keep the proportion between the two factors, as imgproxy does, so force stays force.
            double largest = Math.max(xScale, yScale);
            if (largest > 1) {
                xScale /= largest;
                yScale /= largest;
            }
        }
        int rw = Math.max(1, (int) Math.round(srcWidth * xScale));
        int rh = Math.max(1, (int) Math.round(srcHeight * yScale));

        int cw = rw;
        int ch = rh;
        if (type == ResizeType.FILL || type == ResizeType.FILL_DOWN) {
            int boxW = w == 0 ? rw : w;
            int boxH = h == 0 ? rh : h;
            if (type == ResizeType.FILL_DOWN && (boxW > rw || boxH > rh)) {
                // fill-down: the box shrinks, keeping its aspect ratio, until it fits the scaled image
                double shrink = Math.min((double) rw / boxW, (double) rh / boxH);
                boxW = (int) Math.round(boxW * shrink);
                boxH = (int) Math.round(boxH * shrink);
            }
            cw = Math.min(rw, boxW);
            ch = Math.min(rh, boxH);
        }
        int cx = offset(rw - cw, t.gravity().type().anchorX(), t.gravity().offsetX());
        int cy = offset(rh - ch, t.gravity().type().anchorY(), t.gravity().offsetY());

        int canvasW = cw;
        int canvasH = ch;
        if (t.extend()) {
            canvasW = Math.max(cw, w);
            canvasH = Math.max(ch, h);
        }
        int px = offset(canvasW - cw, t.gravity().type().anchorX(), 0);
        int py = offset(canvasH - ch, t.gravity().type().anchorY(), 0);
        return new ResizeGeometry(rw, rh, cw, ch, cx, cy, canvasW, canvasH, px, py);
    }

    /**
     * Where a window starts inside {@code free} pixels of slack: the gravity's anchor plus its
     * offset (pixels from 1 up, a fraction of the image below 1), clamped to the slack.
     */
    private static int offset(int free, double anchor, double gravityOffset) {
        if (free <= 0) {
            return 0;
        }
        double pos = free * anchor;
        if (gravityOffset != 0) {
            double px = Math.abs(gravityOffset) < 1 ? gravityOffset * free : gravityOffset;
            // imgproxy's offsets point away from the anchored edge: from the east edge a positive x moves west
            pos += anchor > 0.5 ? -px : px;
        }
        return (int) Math.max(0, Math.min(free, Math.round(pos)));
    }
}
