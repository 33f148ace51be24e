package io.thumbler.transform;

/**
 * A gravity with its offsets, as imgproxy defines them: for compass points an offset of 1 or more
 * (in absolute value) is pixels, below 1 a fraction of the outer image; for {@code fp} the offsets
 * are the focus point's relative position (0–1); {@code sm} has none.
 */
public record Gravity(GravityType type, double offsetX, double offsetY) {

    public static final Gravity CENTER = new Gravity(GravityType.CENTER, 0, 0);

    /** Reads {@code type[:x[:y]]} or {@code fp:x:y} from {@code args}, starting at {@code from}. */
    static Gravity parse(OptionName n, String[] args, int from, boolean smartAllowed) {
        GravityType type = GravityType.parse(n, args[from], smartAllowed);
        int extra = args.length - from - 1;
        if (type == GravityType.SMART && extra > 0) {
            throw InvalidOptionException.of(n, "gravity 'sm' takes no offsets");
        }
        if (type == GravityType.FOCUS_POINT) {
            if (extra != 2) {
                throw InvalidOptionException.of(n, "gravity 'fp' takes x and y (0 to 1), got " + extra + " values");
            }
            return new Gravity(type, unit(n, "focus point x", args[from + 1]), unit(n, "focus point y", args[from + 2]));
        }
        double x = extra > 0 && !args[from + 1].isEmpty() ? Numbers.decimal(n, "x offset", args[from + 1]) : 0;
        double y = extra > 1 && !args[from + 2].isEmpty() ? Numbers.decimal(n, "y offset", args[from + 2]) : 0;
        return new Gravity(type, x, y);
    }

    private static double unit(OptionName n, String what, String value) {
        double d = Numbers.decimal(n, what, value);
        if (d < 0 || d > 1) {
            throw InvalidOptionException.of(n, what + " " + value + " is not between 0 and 1");
        }
        return d;
    }

    /** The text form used in canonical transforms, e.g. {@code nowe:10:5}, {@code fp:0.5:0.25}. */
    String canonical() {
        if (type != GravityType.FOCUS_POINT && offsetX == 0 && offsetY == 0) {
            return type.urlName();
        }
        return type.urlName() + ":" + Numbers.format(offsetX) + ":" + Numbers.format(offsetY);
    }
}
