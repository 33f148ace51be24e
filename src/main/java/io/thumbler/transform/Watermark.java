package io.thumbler.transform;

import java.util.Arrays;

/**
 * imgproxy's {@code watermark:%opacity:%position:%x_offset:%y_offset:%scale}: draws the configured
 * watermark image over the result.
 *
 * <p>Opacity 0–1 (0, the default, draws nothing). Position is a compass gravity ({@code ce} by
 * default, no {@code fp} or {@code sm}) or {@code re}, which tiles the watermark over the whole
 * image. Offsets are pixels (× DPR) from 1 up, a fraction of the image below 1; with {@code re}
 * they are the gaps between tiles. Scale, above 0, sizes the watermark relative to the result
 * (0.5 fits it into half the result's width and height); without it the watermark keeps its own
 * size. Arguments left empty keep the value of an earlier {@code watermark} option, as imgproxy
 * keeps each one separately.
 */
public record Watermark(double opacity, boolean replicate, Gravity position, double scale) {

    public static final Watermark NONE = new Watermark(0, false, Gravity.CENTER, 0);

    public boolean enabled() {
        return opacity > 0;
    }

    static Watermark parse(OptionName n, String[] a, Watermark previous) {
        double opacity = Numbers.decimal(n, "opacity", a[0]);
        if (opacity < 0 || opacity > 1) {
            throw InvalidOptionException.of(n, "opacity " + a[0] + " is not between 0 and 1");
        }
        boolean replicate = previous.replicate;
        GravityType type = previous.position.type();
        if (a.length > 1 && !a[1].isEmpty()) {
            replicate = a[1].equals("re");
            if (!replicate) {
                type = Arrays.stream(GravityType.values()).filter(g -> g.urlName().equals(a[1]) && g != GravityType.FOCUS_POINT
                        && g != GravityType.SMART).findFirst().orElseThrow(() -> InvalidOptionException.of(n, "position '"
                        + ProcessingPathParser.abbreviate(a[1]) + "' is not one of re, ce, no, so, ea, we, noea, nowe, soea, sowe"));
            }
        }
        double x = a.length > 2 && !a[2].isEmpty() ? Numbers.decimal(n, "x offset", a[2]) : previous.position.offsetX();
        double y = a.length > 3 && !a[3].isEmpty() ? Numbers.decimal(n, "y offset", a[3]) : previous.position.offsetY();
        double scale = previous.scale;
        if (a.length > 4 && !a[4].isEmpty()) {
            scale = Numbers.decimal(n, "scale", a[4]);
            if (scale <= 0) {
                throw InvalidOptionException.of(n, "scale " + a[4] + " is not a positive number");
            }
        }
        return new Watermark(opacity, replicate, new Gravity(type, x, y), scale);
    }

    /** {@code opacity:position:x:y:scale}, every part written out. */
    String canonical() {
        return Numbers.format(opacity) + ":" + (replicate ? "re" : position.type().urlName()) + ":"
                + Numbers.format(position.offsetX()) + ":" + Numbers.format(position.offsetY()) + ":" + Numbers.format(scale);
    }
}
