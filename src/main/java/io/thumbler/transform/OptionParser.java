package io.thumbler.transform;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies imgproxy processing options ({@code name:arg1:arg2…}) to a {@link Transform.Builder}.
 *
 * <p>Every option has a long name and a short alias; both are accepted. An option's arguments
 * may be left empty ({@code rs:fill::300}) to keep the current value, as imgproxy allows. Options
 * apply in URL order, so a later option overrides what an earlier one set, as in imgproxy.
 */
public final class OptionParser {

    /** Applies one option's arguments to the builder; throws {@link InvalidOptionException} on a bad value. */
    @FunctionalInterface
    private interface Handler {
        void apply(OptionName name, String[] args, Transform.Builder b);
    }

    private record Spec(String longName, int minArgs, int maxArgs, Handler handler) {
    }

    private final Map<String, Spec> byName = new HashMap<>();

    public OptionParser() {
        register("resize", "rs", 1, 5, OptionParser::resize);
        register("size", "s", 1, 4, OptionParser::size);
        register("resizing_type", "rt", 1, 1, (n, a, b) -> b.resizeType(ResizeType.parse(n, a[0])));
        register("width", "w", 1, 1, (n, a, b) -> b.width(dimension(n, "width", a[0])));
        register("height", "h", 1, 1, (n, a, b) -> b.height(dimension(n, "height", a[0])));
        register("enlarge", "el", 1, 1, (n, a, b) -> b.enlarge(Numbers.bool(n, "enlarge", a[0])));
        register("extend", "ex", 1, 1, (n, a, b) -> b.extend(Numbers.bool(n, "extend", a[0])));
        register("gravity", "g", 1, 3, OptionParser::gravity);
        register("quality", "q", 1, 1, (n, a, b) -> b.quality(quality(n, a[0])));
        register("format", "f", 1, 1, (n, a, b) -> b.format(OutputFormats.require(n, a[0])));
        byName.put("ext", byName.get("format"));
    }

    private void register(String longName, String alias, int minArgs, int maxArgs, Handler handler) {
        Spec spec = new Spec(longName, minArgs, maxArgs, handler);
        byName.put(longName, spec);
        byName.put(alias, spec);
    }

    /** Parses a list of option segments (as they appear between slashes) into a transform. */
    public Transform parse(List<String> segments) {
        Transform.Builder b = Transform.builder();
        for (String segment : segments) {
            apply(segment, b);
        }
        return b.build();
    }

    /** Applies one {@code name:args} segment to {@code b}. */
    public void apply(String segment, Transform.Builder b) {
        int colon = segment.indexOf(':');
        String written = colon < 0 ? segment : segment.substring(0, colon);
        Spec spec = byName.get(written);
        if (spec == null) {
            throw new InvalidOptionException("unknown processing option '" + written + "' in '" + segment + "'");
        }
        OptionName name = new OptionName(spec.longName, written);
        String[] args = colon < 0 ? new String[0] : segment.substring(colon + 1).split(":", -1);
        if (args.length < spec.minArgs || args.length > spec.maxArgs) {
            throw InvalidOptionException.of(name, arity(spec) + ", got " + args.length + " in '" + segment + "'");
        }
        spec.handler.apply(name, args, b);
    }

    private static String arity(Spec spec) {
        return spec.minArgs == spec.maxArgs
                ? "takes " + spec.minArgs + " argument" + (spec.minArgs == 1 ? "" : "s")
                : "takes " + spec.minArgs + " to " + spec.maxArgs + " arguments";
    }

    private static void resize(OptionName n, String[] a, Transform.Builder b) {
        if (!a[0].isEmpty()) {
            b.resizeType(ResizeType.parse(n, a[0]));
        }
        size(n, Arrays.copyOfRange(a, 1, a.length), b);
    }

    private static void size(OptionName n, String[] a, Transform.Builder b) {
        if (a.length > 0 && !a[0].isEmpty()) {
            b.width(dimension(n, "width", a[0]));
        }
        if (a.length > 1 && !a[1].isEmpty()) {
            b.height(dimension(n, "height", a[1]));
        }
        if (a.length > 2 && !a[2].isEmpty()) {
            b.enlarge(Numbers.bool(n, "enlarge", a[2]));
        }
        if (a.length > 3 && !a[3].isEmpty()) {
            b.extend(Numbers.bool(n, "extend", a[3]));
        }
    }

    private static void gravity(OptionName n, String[] a, Transform.Builder b) {
        GravityType type = GravityType.parse(n, a[0]);
        double x = a.length > 1 && !a[1].isEmpty() ? Numbers.decimal(n, "x offset", a[1]) : 0;
        double y = a.length > 2 && !a[2].isEmpty() ? Numbers.decimal(n, "y offset", a[2]) : 0;
        b.gravity(new Gravity(type, x, y));
    }

    private static int dimension(OptionName n, String what, String value) {
        return Numbers.wholeNumber(n, what, value, Transform.MAX_DIMENSION);
    }

    private static int quality(OptionName n, String value) {
        return Numbers.wholeNumber(n, "quality", value, 100);
    }
}
