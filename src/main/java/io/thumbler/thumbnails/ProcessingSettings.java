package io.thumbler.thumbnails;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.thumbler.config.ConfigReader;
import io.thumbler.transform.OptionParser;
import io.thumbler.transform.Presets;

/**
 * The URL-language configuration, read once at startup:
 * <ul>
 *   <li>{@code THUMBLER_PRESETS}: imgproxy's {@code IMGPROXY_PRESETS} syntax,
 *       {@code name=options,name2=options}; {@code THUMBLER_PRESETS_PATH}: a file with one
 *       {@code name=options} per line, {@code #} comments. A preset named {@code default} applies to
 *       every request.</li>
 *   <li>{@code THUMBLER_ONLY_PRESETS}: URLs may name presets only ({@code pr:…}); anything else is 400.</li>
 *   <li>{@code THUMBLER_ALLOW_SECURITY_OPTIONS}: URLs may use imgproxy's security options
 *       ({@code max_src_resolution} and the like), which can only tighten the server's limits;
 *       off by default, then they are 403 as in imgproxy.</li>
 *   <li>{@code THUMBLER_AUTO_WEBP} / {@code THUMBLER_AUTO_AVIF}: without an extension or {@code format}
 *       option, choose WebP/AVIF when {@code Accept} allows (off by default; responses then vary on Accept).</li>
 * </ul>
 */
@ApplicationScoped
public class ProcessingSettings {

    @Inject
    ConfigReader config;

    private OptionParser parser;
    private boolean autoWebp;
    private boolean autoAvif;

    @PostConstruct
    void read() {
        Presets presets = presets("thumbler.presets", Presets::parse, config.optional("thumbler.presets").orElse(""));
        Presets fromFile = config.optional("thumbler.presets-path").map(this::presetsFile).orElse(Presets.NONE);
        try {
            presets = presets.and(fromFile);
        } catch (IllegalArgumentException e) {
            throw ConfigReader.invalid("thumbler.presets-path", e.getMessage() + " (also in thumbler.presets)");
        }
        parser = new OptionParser(presets, config.bool("thumbler.only-presets", false),
                config.bool("thumbler.allow-security-options", false));
        autoWebp = config.bool("thumbler.auto-webp", false);
        autoAvif = config.bool("thumbler.auto-avif", false);
    }

    private Presets presetsFile(String path) {
        try {
            return presets("thumbler.presets-path", p -> Presets.parse(p.lines().toList()), Files.readString(Path.of(path)));
        } catch (IOException e) {
            throw ConfigReader.invalid("thumbler.presets-path", "cannot read '" + path + "': " + e.getMessage());
        }
    }

    private static Presets presets(String key, java.util.function.Function<String, Presets> parse, String text) {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw ConfigReader.invalid(key, e.getMessage());
        }
    }

    /** The processing options' parser; {@code /info} URLs read their security options with it too. */
    public OptionParser parser() {
        return parser;
    }

    public boolean autoWebp() {
        return autoWebp;
    }

    public boolean autoAvif() {
        return autoAvif;
    }

    /** Whether responses without an explicit format depend on {@code Accept}. */
    public boolean negotiates() {
        return autoWebp || autoAvif;
    }
}
