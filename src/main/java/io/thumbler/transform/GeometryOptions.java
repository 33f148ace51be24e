package io.thumbler.transform;

import java.util.Arrays;

/**
 * Handlers of the options that decide the output's geometry: size, resizing type, zoom, DPR,
 * enlarge, extend, gravity, crop, trim and padding. Semantics and argument order are imgproxy's.
 */
final class GeometryOptions {

    /** Largest DPR and zoom accepted; the planner still caps every output side at {@link Transform#MAX_DIMENSION}. */
    static final double MAX_FACTOR = 8;

    private GeometryOptions() {
    }

    static void register(OptionParser p) {
        p.register("resize", "rs", 1, 8, GeometryOptions::resize);
        p.register("size", "s", 1, 7, GeometryOptions::size);
        p.register("resizing_type", "rt", 1, 1, (n, a, b) -> b.resizeType = ResizeType.parse(n, a[0]));
        p.register("width", "w", 1, 1, (n, a, b) -> b.width = dimension(n, "width", a[0]));
        p.register("height", "h", 1, 1, (n, a, b) -> b.height = dimension(n, "height", a[0]));
        p.register("min-width", "mw", 1, 1, (n, a, b) -> b.minWidth = dimension(n, "min width", a[0]));
        p.register("min-height", "mh", 1, 1, (n, a, b) -> b.minHeight = dimension(n, "min height", a[0]));
        p.register("zoom", "z", 1, 2, GeometryOptions::zoom);
        p.register("dpr", "dpr", 1, 1, (n, a, b) -> b.dpr = factor(n, "dpr", a[0]));
        p.register("enlarge", "el", 1, 1, (n, a, b) -> b.enlarge = Numbers.bool(n, "enlarge", a[0]));
        p.register("extend", "ex", 1, 4, (n, a, b) -> b.extend = Extend.parse(n, a, 0, b.extend));
        p.register("extend_aspect_ratio", "exar", 1, 4, (n, a, b) -> b.extendAspectRatio = Extend.parse(n, a, 0, b.extendAspectRatio));
        p.alias("extend_ar", "extend_aspect_ratio");
        p.register("gravity", "g", 1, 3, (n, a, b) -> b.gravity = Gravity.parse(n, a, 0, true));
        p.register("crop", "c", 1, 5, (n, a, b) -> b.crop = Crop.parse(n, a));
        p.register("trim", "t", 1, 4, (n, a, b) -> b.trim = Trim.parse(n, a));
        p.register("padding", "pd", 1, 4, (n, a, b) -> b.padding = Padding.parse(n, a));
    }

    private static void resize(OptionName n, String[] a, Transform.Builder b) {
        if (!a[0].isEmpty()) {
            b.resizeType = ResizeType.parse(n, a[0]);
        }
        size(n, Arrays.copyOfRange(a, 1, a.length), b);
    }

    /** {@code width:height:enlarge:extend[:gravity:x:y]}; empty arguments keep what was set. */
    private static void size(OptionName n, String[] a, Transform.Builder b) {
        if (a.length > 0 && !a[0].isEmpty()) {
            b.width = dimension(n, "width", a[0]);
        }
        if (a.length > 1 && !a[1].isEmpty()) {
            b.height = dimension(n, "height", a[1]);
        }
        if (a.length > 2 && !a[2].isEmpty()) {
            b.enlarge = Numbers.bool(n, "enlarge", a[2]);
        }
        if (a.length > 3) {
            b.extend = Extend.parse(n, a, 3, b.extend);
        }
    }

    private static void zoom(OptionName n, String[] a, Transform.Builder b) {
        b.zoomX = factor(n, "zoom", a[0]);
        b.zoomY = a.length > 1 ? factor(n, "zoom y", a[1]) : b.zoomX;
    }

    private static int dimension(OptionName n, String what, String value) {
        return Numbers.wholeNumber(n, what, value, Transform.MAX_DIMENSION);
    }

    private static double factor(OptionName n, String what, String value) {
        double d = Numbers.decimal(n, what, value);
        if (d <= 0 || d > MAX_FACTOR) {
            throw InvalidOptionException.of(n, what + " " + value + " is not above 0 and at most " + Numbers.format(MAX_FACTOR));
        }
        return d;
    }
}
