package io.thumbler.render;

import java.awt.image.BufferedImage;

/**
 * Thumbler's smart gravity ({@code g:sm}): where the detail is, measured on a small preview.
 *
 * <p>Each preview pixel scores its luma gradient (|dx| + |dy| of neighbours, i.e. edges and
 * texture) plus half its saturation (max − min channel: coloured subjects on grey or sky
 * backgrounds); a crop window then goes where the summed score is highest, found exhaustively
 * with a summed-area table. Ties go to the window nearest the centre, so the result depends only
 * on the pixels: the same image always crops the same way. This is a cheap stand-in for libvips'
 * "attention" strategy (edges, saturation and skin), without the skin term.
 */
public final class SaliencyMap {

    private final int width;
    private final int height;
    /** Summed-area table, (width+1) × (height+1). */
    private final double[] integral;

    private SaliencyMap(int width, int height, double[] integral) {
        this.width = width;
        this.height = height;
        this.integral = integral;
    }

    public static SaliencyMap of(BufferedImage preview) {
        int w = preview.getWidth();
        int h = preview.getHeight();
        double[] luma = new double[w * h];
        double[] score = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = preview.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                luma[y * w + x] = 0.299 * r + 0.587 * g + 0.114 * b;
                score[y * w + x] = 0.5 * (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)));
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = luma[y * w + Math.min(w - 1, x + 1)] - luma[y * w + Math.max(0, x - 1)];
                double dy = luma[Math.min(h - 1, y + 1) * w + x] - luma[Math.max(0, y - 1) * w + x];
                score[y * w + x] += Math.abs(dx) + Math.abs(dy);
            }
        }
        double[] integral = new double[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            double row = 0;
            for (int x = 0; x < w; x++) {
                row += score[y * w + x];
                integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + row;
            }
        }
        return new SaliencyMap(w, h, integral);
    }

    /**
     * The centre of the best window, relative to the region (0–1 each way).
     *
     * @param rx      region left, as a fraction of the frame width (likewise {@code ry}, {@code rw}, {@code rh})
     * @param windowW window width as a fraction of the region width (likewise {@code windowH})
     */
    public double[] focus(double rx, double ry, double rw, double rh, double windowW, double windowH) {
        int x0 = (int) Math.floor(rx * width);
        int y0 = (int) Math.floor(ry * height);
        int regionW = Math.max(1, Math.min(width - x0, (int) Math.round(rw * width)));
        int regionH = Math.max(1, Math.min(height - y0, (int) Math.round(rh * height)));
        int winW = Math.max(1, Math.min(regionW, (int) Math.round(windowW * regionW)));
        int winH = Math.max(1, Math.min(regionH, (int) Math.round(windowH * regionH)));
        double best = -1;
        double bestDistance = Double.MAX_VALUE;
        int bestX = 0;
        int bestY = 0;
        for (int y = 0; y + winH <= regionH; y++) {
            for (int x = 0; x + winW <= regionW; x++) {
                double sum = sum(x0 + x, y0 + y, winW, winH);
                double distance = Math.abs(x - (regionW - winW) / 2.0) + Math.abs(y - (regionH - winH) / 2.0);
                if (sum > best + 1e-9 || (Math.abs(sum - best) <= 1e-9 && distance < bestDistance)) {
                    best = sum;
                    bestDistance = distance;
                    bestX = x;
                    bestY = y;
                }
            }
        }
        return new double[] {(bestX + winW / 2.0) / regionW, (bestY + winH / 2.0) / regionH};
    }

    private double sum(int x, int y, int w, int h) {
        int stride = width + 1;
        return integral[(y + h) * stride + x + w] - integral[y * stride + x + w] - integral[(y + h) * stride + x] + integral[y * stride + x];
    }
}
