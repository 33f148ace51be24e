package io.thumbler.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.microprofile.config.Config;

/**
 * Typed, validated reads of {@code thumbler.*} keys. Every failure message names the key in both
 * spellings, e.g. {@code thumbler.render-concurrency (THUMBLER_RENDER_CONCURRENCY): 'abc' is not a
 * whole number}.
 */
public final class ConfigReader {

    private final Function<String, Optional<String>> lookup;

    public ConfigReader(Config config) {
        this(key -> config.getOptionalValue(key, String.class));
    }

    /** For tests: any key → value function. */
    public ConfigReader(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    /** {@code thumbler.render-concurrency} → {@code THUMBLER_RENDER_CONCURRENCY}. */
    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    static String describe(String key) {
        return key + " (" + envName(key) + ")";
    }

    public Optional<String> optional(String key) {
        return lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String string(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    public int integer(String key, int defaultValue, int min, int max) {
        return (int) longValue(key, defaultValue, min, max);
    }

    public long longValue(String key, long defaultValue, long min, long max) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        long n;
        try {
            n = Long.parseLong(v.get());
        } catch (NumberFormatException e) {
            throw invalid(key, "'" + v.get() + "' is not a whole number");
        }
        if (n < min || n > max) {
            throw invalid(key, n + " is outside the allowed range " + min + ".." + max);
        }
        return n;
    }

    public double decimal(String key, double defaultValue, double min, double max) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        double d;
        try {
            d = Double.parseDouble(v.get());
        } catch (NumberFormatException e) {
            throw invalid(key, "'" + v.get() + "' is not a number");
        }
        if (!(d >= min && d <= max)) {
            throw invalid(key, v.get() + " is outside the allowed range " + min + ".." + max);
        }
        return d;
    }

    public boolean bool(String key, boolean defaultValue) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        return switch (v.get().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw invalid(key, "'" + v.get() + "' is not true or false");
        };
    }

    /** A comma-separated list; empty entries are dropped. */
    public List<String> list(String key) {
        return optional(key).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    /** An existing directory. */
    public Path directory(String key, String defaultValue) {
        String v = string(key, defaultValue);
        Path p = Path.of(v).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            throw invalid(key, "'" + v + "' is not an existing directory");
        }
        return p;
    }

    public static InvalidConfigurationException invalid(String key, String problem) {
        return new InvalidConfigurationException(describe(key) + ": " + problem);
    }
}
