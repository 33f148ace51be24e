package io.thumbler.transform;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Named option lists, written as imgproxy writes {@code IMGPROXY_PRESETS}: {@code name=options}
 * where options are the usual slash-separated segments, several presets separated by commas
 * ({@code thumb=rs:fill:200:200/q:70,default=sm:1}) or, in a presets file, one per line with
 * {@code #} comments. The preset named {@code default} applies to every request before its options.
 */
public final class Presets {

    public static final String DEFAULT = "default";
    public static final Presets NONE = new Presets(Map.of());
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final Map<String, List<String>> byName;

    private Presets(Map<String, List<String>> byName) {
        this.byName = Map.copyOf(byName);
    }

    /**
     * Reads presets from entries like {@code name=rs:fill:200:200/q:70}; blank entries and
     * {@code #} comments are skipped.
     *
     * @throws IllegalArgumentException naming the entry that is not {@code name=options}
     */
    public static Presets parse(List<String> entries) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            int eq = entry.indexOf('=');
            String name = eq < 0 ? entry : entry.substring(0, eq).strip();
            String options = eq < 0 ? "" : entry.substring(eq + 1).strip();
            if (!NAME.matcher(name).matches() || options.isEmpty()) {
                throw new IllegalArgumentException("preset '" + ProcessingPathParser.abbreviate(entry)
                        + "' is not name=options (name of letters, digits, '_', '.', '-')");
            }
            if (map.put(name, List.of(options.split("/"))) != null) {
                throw new IllegalArgumentException("preset '" + name + "' is defined twice");
            }
        }
        return new Presets(map);
    }

    /** The comma-separated form of {@code THUMBLER_PRESETS}. */
    public static Presets parse(String commaSeparated) {
        return parse(Arrays.asList(commaSeparated.split(",")));
    }

    /** Both sources together; a name defined in both is an error. */
    public Presets and(Presets other) {
        Map<String, List<String>> map = new LinkedHashMap<>(byName);
        other.byName.forEach((k, v) -> {
            if (map.put(k, v) != null) {
                throw new IllegalArgumentException("preset '" + k + "' is defined twice");
            }
        });
        return new Presets(map);
    }

    Optional<List<String>> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public int size() {
        return byName.size();
    }
}
