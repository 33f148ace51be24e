package io.thumbler.transform;

import java.util.Optional;

/**
 * imgproxy's {@code crop}: a window cut from the source before resizing. A size of 1 or more is
 * pixels, below 1 a fraction of the source side, 0 the whole side. Without its own gravity the
 * crop follows the {@code gravity} option.
 */
public record Crop(double width, double height, Optional<Gravity> gravity) {

    public static final Crop NONE = new Crop(0, 0, Optional.empty());

    public boolean enabled() {
        return width != 0 || height != 0;
    }

    static Crop parse(OptionName n, String[] a) {
        double w = size(n, "width", a[0]);
        double h = a.length > 1 ? size(n, "height", a[1]) : 0;
        Optional<Gravity> g = a.length > 2 ? Optional.of(Gravity.parse(n, a, 2, true)) : Optional.empty();
        return new Crop(w, h, g);
    }

    private static double size(OptionName n, String what, String v) {
        if (v.isEmpty()) {
            return 0;
        }
        double d = Numbers.decimal(n, what, v);
        if (d < 0 || d > Transform.MAX_DIMENSION) {
            throw InvalidOptionException.of(n, what + " " + v + " is not between 0 and " + Transform.MAX_DIMENSION);
        }
        return d >= 1 ? Math.floor(d) : d;
    }

    String canonical() {
        return Numbers.format(width) + ":" + Numbers.format(height) + gravity.map(g -> ":" + g.canonical()).orElse("");
    }
}
