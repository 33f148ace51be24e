package io.thumbler.render;

/**
 * imgproxy's {@code max_bytes} search: after a result of {@code size} bytes over a {@code budget},
 * the next quality is the current one times 0.25 (more than 3× over), 0.5 (more than 1.5× over)
 * or 0.75; the search stops at quality 10 and keeps that result even if it is still too large.
 */
final class ByteBudget {

    private ByteBudget() {
    }

    static int nextQuality(int quality, long size, long budget) {
        double over = (double) size / budget;
        double factor = over > 3 ? 0.25 : over > 1.5 ? 0.5 : 0.75;
        return Math.max(1, (int) (quality * factor));
    }
}
