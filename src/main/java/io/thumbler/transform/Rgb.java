package io.thumbler.transform;

import java.util.Locale;
import java.util.regex.Pattern;

/** An sRGB colour: imgproxy's {@code background} as {@code R:G:B} or a hex colour. */
public record Rgb(int red, int green, int blue) {

    public static final Rgb WHITE = new Rgb(255, 255, 255);
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{6}|[0-9a-fA-F]{3}");

    /** {@code ffcc00}, {@code fc0} or three channel values 0–255. */
    static Rgb parse(OptionName n, String[] a) {
        if (a.length == 1) {
            String v = a[0];
            if (!HEX.matcher(v).matches()) {
                throw InvalidOptionException.of(n, "colour '" + v + "' is not a hex colour (rrggbb or rgb)");
            }
            if (v.length() == 3) {
                v = "" + v.charAt(0) + v.charAt(0) + v.charAt(1) + v.charAt(1) + v.charAt(2) + v.charAt(2);
            }
            int c = Integer.parseInt(v, 16);
            return new Rgb(c >> 16, (c >> 8) & 0xff, c & 0xff);
        }
        if (a.length != 3) {
            throw InvalidOptionException.of(n, "takes a hex colour or R:G:B, got " + a.length + " values");
        }
        return new Rgb(Numbers.wholeNumber(n, "red", a[0], 255), Numbers.wholeNumber(n, "green", a[1], 255),
                Numbers.wholeNumber(n, "blue", a[2], 255));
    }

    /** {@code ff8000}: the canonical text and what ImageMagick gets as {@code #ff8000}. */
    public String hex() {
        return String.format(Locale.ROOT, "%02x%02x%02x", red, green, blue);
    }
}
