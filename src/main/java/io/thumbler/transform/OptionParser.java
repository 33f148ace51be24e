package io.thumbler.transform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Applies imgproxy processing options ({@code name:arg1:arg2…}) to a {@link Transform.Builder}.
 *
 * <p>Every option has a long name and a short alias; both are accepted. An option's arguments
 * may be left empty ({@code rs:fill::300}) to keep the current value, as imgproxy allows. Options
 * apply in URL order, so a later option overrides what an earlier one set, as in imgproxy. The
 * {@code default} preset applies first; {@code preset}/{@code pr} expands named presets in place.
 * In presets-only mode every segment must be a {@code pr:} option.
 *
 * <p>A preset that names a preset already being expanded (A names B, B names A) is skipped at
 * that point with a warning, and the rest applies, as imgproxy does ({@code applyPresetOption}:
 * "Recursive preset usage is detected"). The chain of presets being expanded never holds a name
 * twice, so its depth is bounded by the number of presets.
 */
public final class OptionParser {

    private static final Logger LOG = Logger.getLogger(OptionParser.class.getName());
    /** The {@code default} preset is expanded as if the URL began with {@code preset:default}, as imgproxy does. */
    private static final OptionName DEFAULT_PRESET = new OptionName("preset", "preset");

    /** Applies one option's arguments to the builder; throws {@link InvalidOptionException} on a bad value. */
    @FunctionalInterface
    interface Handler {
        void apply(OptionName name, String[] args, Transform.Builder b);
    }

    private record Spec(String longName, int minArgs, int maxArgs, Handler handler) {
    }

    private final Map<String, Spec> byName = new HashMap<>();
    private final Presets presets;
    private final boolean onlyPresets;

    public OptionParser() {
        this(Presets.NONE, false);
    }

    /**
     * @param presets     the configured presets ({@code default} applies to every request)
     * @param onlyPresets when true, a URL may name presets only ({@code THUMBLER_ONLY_PRESETS})
     */
    public OptionParser(Presets presets, boolean onlyPresets) {
        this(presets, onlyPresets, false);
    }

    /**
     * @param securityOptionsAllowed whether URLs may use the security options
     *                               ({@code THUMBLER_ALLOW_SECURITY_OPTIONS}); when not, they are 403
     */
    public OptionParser(Presets presets, boolean onlyPresets, boolean securityOptionsAllowed) {
        this.presets = presets;
        this.onlyPresets = onlyPresets;
        GeometryOptions.register(this);
        OutputOptions.register(this);
        HandlingOptions.register(this, securityOptionsAllowed);
        register("preset", "pr", 1, 16, (n, a, b) -> {
            throw new IllegalStateException("presets are expanded before handlers run");
        });
    }

    void register(String longName, String alias, int minArgs, int maxArgs, Handler handler) {
        Spec spec = new Spec(longName, minArgs, maxArgs, handler);
        byName.put(longName, spec);
        byName.put(alias, spec);
    }

    void alias(String alias, String longName) {
        byName.put(alias, byName.get(longName));
    }

    /** Parses a list of option segments (as they appear between slashes) into a transform. */
    public Transform parse(List<String> segments) {
        Transform.Builder b = Transform.builder();
        List<String> chain = new ArrayList<>();
        if (presets.get(Presets.DEFAULT).isPresent()) {
            expandPresets(DEFAULT_PRESET, new String[] {Presets.DEFAULT}, b, chain);
        }
        for (String segment : segments) {
            if (onlyPresets && !isPreset(segment)) {
                throw new InvalidOptionException("only presets are allowed (presets-only mode), not '"
                        + ProcessingPathParser.abbreviate(segment) + "'");
            }
            apply(segment, b, chain);
        }
        return b.build();
    }

    /** Applies one {@code name:args} segment to {@code b}. */
    public void apply(String segment, Transform.Builder b) {
        apply(segment, b, new ArrayList<>());
    }

    private void applyAll(List<String> segments, Transform.Builder b, List<String> chain) {
        for (String s : segments) {
            apply(s, b, chain);
        }
    }

    /** @param chain the presets being expanded, outermost first */
    private void apply(String segment, Transform.Builder b, List<String> chain) {
        int colon = segment.indexOf(':');
        String written = colon < 0 ? segment : segment.substring(0, colon);
        Spec spec = byName.get(written);
        if (spec == null) {
            throw new InvalidOptionException("unknown processing option '" + ProcessingPathParser.abbreviate(written)
                    + "' in '" + ProcessingPathParser.abbreviate(segment) + "'");
        }
        OptionName name = new OptionName(spec.longName, written);
        String[] args = colon < 0 ? new String[0] : segment.substring(colon + 1).split(":", -1);
        if (args.length < spec.minArgs || args.length > spec.maxArgs) {
            throw InvalidOptionException.of(name, arity(spec) + ", got " + args.length + " in '" + ProcessingPathParser.abbreviate(segment) + "'");
        }
        if (spec.longName.equals("preset")) {
            expandPresets(name, args, b, chain);
        } else {
            spec.handler.apply(name, args, b);
        }
    }

    private void expandPresets(OptionName name, String[] names, Transform.Builder b, List<String> chain) {
        for (String preset : names) {
            List<String> options = presets.get(preset).orElseThrow(() -> InvalidOptionException.of(name,
                    "preset '" + ProcessingPathParser.abbreviate(preset) + "' is not defined"));
            if (chain.contains(preset)) {
                String loop = String.join(" → ", chain) + " → " + preset;
                LOG.warning(() -> "preset loop " + loop + ": the repeated preset '" + preset + "' is skipped there");
                continue;
            }
            chain.add(preset);
            applyAll(options, b, chain);
            chain.remove(chain.size() - 1);
        }
    }

    private static boolean isPreset(String segment) {
        return segment.startsWith("pr:") || segment.startsWith("preset:");
    }

    private static String arity(Spec spec) {
        return spec.minArgs == spec.maxArgs
                ? "takes " + spec.minArgs + " argument" + (spec.minArgs == 1 ? "" : "s")
                : "takes " + spec.minArgs + " to " + spec.maxArgs + " arguments";
    }
}
