package io.thumbler.transform;

/**
 * imgproxy's {@code extend} and {@code extend_aspect_ratio}: whether the canvas grows to the
 * requested size (or aspect ratio) and where the image sits on it.
 */
public record Extend(boolean enabled, Gravity gravity) {

    public static final Extend OFF = new Extend(false, Gravity.CENTER);

    /** {@code extend[:gravity[:x:y]]}; the gravity may not be {@code sm}, as in imgproxy. */
    static Extend parse(OptionName n, String[] a, int from, Extend current) {
        boolean on = a[from].isEmpty() ? current.enabled : Numbers.bool(n, "extend", a[from]);
        Gravity g = a.length > from + 1 && !a[from + 1].isEmpty() ? Gravity.parse(n, a, from + 1, false) : current.gravity;
        return new Extend(on, g);
    }

    String canonical() {
        return gravity.equals(Gravity.CENTER) ? "1" : "1:" + gravity.canonical();
    }
}
