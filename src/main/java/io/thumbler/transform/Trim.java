package io.thumbler.transform;

import java.util.Optional;

/**
 * imgproxy's {@code trim:threshold:color:equal_hor:equal_ver}: remove a uniform border. The
 * threshold is the colour distance (0–255) still counted as border; without a colour the
 * top-left pixel's is used; the two flags keep the cut equal on opposite sides.
 */
public record Trim(double threshold, Optional<Rgb> color, boolean equalHorizontal, boolean equalVertical) {

    public static final Trim OFF = new Trim(-1, Optional.empty(), false, false);

    public boolean enabled() {
        return threshold >= 0;
    }

    static Trim parse(OptionName n, String[] a) {
        double threshold = Numbers.decimal(n, "threshold", a[0]);
        if (threshold < 0 || threshold > 255) {
            throw InvalidOptionException.of(n, "threshold " + a[0] + " is not between 0 and 255");
        }
        Optional<Rgb> color = a.length > 1 && !a[1].isEmpty() ? Optional.of(Rgb.parse(n, new String[] {a[1]})) : Optional.empty();
        boolean h = a.length > 2 && !a[2].isEmpty() && Numbers.bool(n, "equal_hor", a[2]);
        boolean v = a.length > 3 && !a[3].isEmpty() && Numbers.bool(n, "equal_ver", a[3]);
        return new Trim(threshold, color, h, v);
    }

    String canonical() {
        return Numbers.format(threshold) + ":" + color.map(Rgb::hex).orElse("") + ":" + (equalHorizontal ? 1 : 0) + ":" + (equalVertical ? 1 : 0);
    }
}
