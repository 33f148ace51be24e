package io.thumbler.transform;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Strict readers for option arguments.
 *
 * <p>Strict on purpose: {@code +300}, {@code 0300}, {@code 3e2}, {@code 0x12C}, {@code NaN} or
 * {@code 2^63} would each give one more spelling of the same render, hence one more cache entry
 * and one more way to miss the signature's intent; imgproxy URL builders never write them.
 */
final class Numbers {

    /** The largest whole number an argument may write: nine digits, so that it always fits an {@code int}. */
    static final int MAX_WHOLE = 999_999_999;

    private static final Pattern WHOLE = Pattern.compile("0|[1-9][0-9]{0,8}");
    private static final Pattern TIMESTAMP = Pattern.compile("0|[1-9][0-9]{0,11}");
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,8})(\\.[0-9]{1,6})?");

    private Numbers() {
    }

    static int wholeNumber(OptionName option, String what, String value, int max) {
        if (!WHOLE.matcher(value).matches()) {
            throw InvalidOptionException.of(option, what + " '" + value + "' is not a whole number");
        }
        int n = Integer.parseInt(value);
        if (n > max) {
            throw InvalidOptionException.of(option, what + " " + n + " is above the maximum of " + max);
        }
        return n;
    }

    /** Unix seconds, up to 12 digits (year 33 658), as imgproxy's {@code expires} takes them. */
    static long timestamp(OptionName option, String value) {
        if (!TIMESTAMP.matcher(value).matches()) {
            throw InvalidOptionException.of(option, "timestamp '" + value + "' is not a whole number of seconds");
        }
        return Long.parseLong(value);
    }

    static double decimal(OptionName option, String what, String value) {
        if (!DECIMAL.matcher(value).matches()) {
            throw InvalidOptionException.of(option, what + " '" + value + "' is not a number");
        }
        return Double.parseDouble(value);
    }

    static boolean bool(OptionName option, String what, String value) {
        switch (value) {
            case "1", "t", "true":
                return true;
            case "0", "f", "false":
                return false;
            default:
                throw InvalidOptionException.of(option, what + " '" + value + "' is not a boolean (1, t, true, 0, f, false)");
        }
    }

    /** Shortest text of a decimal: {@code 2} not {@code 2.0}, {@code 0.25} as is. */
    static String format(double d) {
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
}
