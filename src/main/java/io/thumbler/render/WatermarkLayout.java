package io.thumbler.render;

import java.util.Optional;

import io.thumbler.transform.Gravity;
import io.thumbler.transform.Watermark;

/**
 * Where and how large the watermark is drawn on a result of {@code imageW × imageH}: imgproxy's
 * {@code prepareWatermark} and {@code applyWatermark}, computed in Java like the rest of the
 * geometry.
 *
 * <p>With a scale the watermark is fitted (enlarging if need be) into the result's size times the
 * scale, rounded to even as imgproxy does; without one it keeps its own size. A compass position
 * places it as {@code calcPosition} does with overflow allowed, offsets scaled by the DPR; a
 * watermark wholly outside the image is not drawn. {@code re} tiles it: each tile is the watermark
 * with the offsets as gaps (half before, half after), repeated an odd number of times across and
 * down, and the tiled area is centred on the image, as {@code vips_replicate_go} does.
 *
 * @param width   the watermark's width after scaling
 * @param height  its height after scaling
 * @param padLeft gap before the watermark inside a tile (tiles only); likewise the other three
 * @param across  tiles across (1 when not tiled)
 * @param down    tiles down (1 when not tiled)
 * @param left    where the watermark (or the tiled area) starts on the image; may be negative
 * @param top     likewise
 */
public record WatermarkLayout(int width, int height, int padLeft, int padTop, int padRight, int padBottom,
                              int across, int down, int left, int top) {

    public static Optional<WatermarkLayout> of(WatermarkImage image, Watermark w, int imageW, int imageH, double dprScale) {
        int ww = image.header().orientedWidth();
        int wh = image.header().orientedHeight();
        if (w.scale() > 0) {
            int boxW = Math.max(Placement.scaleToEven(imageW, w.scale()), 1);
            int boxH = Math.max(Placement.scaleToEven(imageH, w.scale()), 1);
            double shrink = Math.max((double) ww / boxW, (double) wh / boxH);
            ww = Math.max(1, (int) Math.round(ww / shrink));
            wh = Math.max(1, (int) Math.round(wh / shrink));
        }
        Gravity g = w.position();
        if (w.replicate()) {
            int padX = offset(g.offsetX(), imageW, dprScale);
            int padY = offset(g.offsetY(), imageH, dprScale);
            int tileW = ww + Math.max(0, padX);
            int tileH = wh + Math.max(0, padY);
            int across = odd((int) Math.ceil((double) imageW / tileW));
            int down = odd((int) Math.ceil((double) imageH / tileH));
            int left = -((across * tileW - imageW) / 2);
            int top = -((down * tileH - imageH) / 2);
            int pl = Math.max(0, padX) / 2;
            int pt = Math.max(0, padY) / 2;
            return Optional.of(new WatermarkLayout(ww, wh, pl, pt, Math.max(0, padX) - pl, Math.max(0, padY) - pt,
                    across, down, left, top));
        }
        int[] p = Placement.position(imageW, imageH, ww, wh, g, dprScale, true);
        if (p[0] >= imageW || p[1] >= imageH || -p[0] >= ww || -p[1] >= wh) {
            return Optional.empty();
        }
        return Optional.of(new WatermarkLayout(ww, wh, 0, 0, 0, 0, 1, 1, p[0], p[1]));
    }

    public boolean tiled() {
        return across > 1 || down > 1 || padLeft + padTop + padRight + padBottom > 0;
    }

    /** imgproxy: 1 and up is pixels × DPR (round half to even), below 1 a fraction of the side. */
    private static int offset(double value, int side, double dpr) {
        return Math.abs(value) >= 1 ? (int) Math.rint(value * dpr) : Placement.scaleToEven(side, value);
    }

    private static int odd(int n) {
        return n % 2 == 0 ? n + 1 : n;
    }
}
