package io.thumbler.transform;

/**
 * imgproxy's {@code padding}, in CSS order and with CSS's shorthand: one value for all sides, two
 * for vertical and horizontal, three for top, horizontal and bottom. Pixels before DPR scaling.
 */
public record Padding(int top, int right, int bottom, int left) {

    public static final Padding NONE = new Padding(0, 0, 0, 0);

    public boolean enabled() {
        return top > 0 || right > 0 || bottom > 0 || left > 0;
    }

    static Padding parse(OptionName n, String[] a) {
        int top = side(n, "top", a[0], 0);
        int right = a.length > 1 ? side(n, "right", a[1], top) : top;
        int bottom = a.length > 2 ? side(n, "bottom", a[2], top) : top;
        int left = a.length > 3 ? side(n, "left", a[3], right) : right;
        return new Padding(top, right, bottom, left);
    }

    private static int side(OptionName n, String what, String v, int fallback) {
        return v.isEmpty() ? fallback : Numbers.wholeNumber(n, what, v, Transform.MAX_DIMENSION);
    }

    String canonical() {
        return top + ":" + right + ":" + bottom + ":" + left;
    }
}
