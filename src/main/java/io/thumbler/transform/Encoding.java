package io.thumbler.transform;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.thumbler.image.ImageFormat;

/**
 * How the result is written: quality (0 = configured default), per-format quality, a byte budget,
 * what metadata survives, and the output format the {@code format} option names.
 *
 * @param formatQuality  output format → quality, from {@code format_quality}
 * @param maxBytes       0 for no budget; otherwise lossy formats are re-encoded at lower quality until they fit
 */
public record Encoding(int quality, Map<ImageFormat, Integer> formatQuality, long maxBytes, boolean stripMetadata,
                       boolean keepCopyright, boolean stripColorProfile, Optional<ImageFormat> format) {

    public static final Encoding DEFAULTS = new Encoding(0, Map.of(), 0, true, true, true, Optional.empty());

    public Encoding {
        formatQuality = Map.copyOf(formatQuality);
    }

    public Encoding withQuality(int q) {
        return new Encoding(q, formatQuality, maxBytes, stripMetadata, keepCopyright, stripColorProfile, format);
    }

    public Encoding withFormatQuality(Map<ImageFormat, Integer> q) {
        return new Encoding(quality, q, maxBytes, stripMetadata, keepCopyright, stripColorProfile, format);
    }

    public Encoding withMaxBytes(long bytes) {
        return new Encoding(quality, formatQuality, bytes, stripMetadata, keepCopyright, stripColorProfile, format);
    }

    /** {@code null} keeps the current value of that flag. */
    public Encoding withMetadata(Boolean strip, Boolean copyright, Boolean profile) {
        return new Encoding(quality, formatQuality, maxBytes, strip != null ? strip : stripMetadata,
                copyright != null ? copyright : keepCopyright, profile != null ? profile : stripColorProfile, format);
    }

    public Encoding withFormat(Optional<ImageFormat> f) {
        return new Encoding(quality, formatQuality, maxBytes, stripMetadata, keepCopyright, stripColorProfile, f);
    }

    /** The quality the URL asks for in {@code output}: {@code quality}, else {@code format_quality}, else 0. */
    public int qualityFor(ImageFormat output) {
        return quality != 0 ? quality : formatQuality.getOrDefault(output, 0);
    }

    /**
     * {@code format_quality} lists its formats by extension in alphabetical order ({@code fq:avif:40:jpg:70}),
     * not in {@link ImageFormat}'s declaration order: this text keys the caches.
     */
    void appendCanonical(List<String> parts) {
        if (quality != 0) {
            parts.add("q:" + quality);
        }
        if (!formatQuality.isEmpty()) {
            parts.add("fq:" + formatQuality.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(Comparator.comparing(ImageFormat::extension)))
                    .map(e -> e.getKey().extension() + ":" + e.getValue()).collect(Collectors.joining(":")));
        }
        if (maxBytes != 0) {
            parts.add("mb:" + maxBytes);
        }
        if (!stripMetadata) {
            parts.add("sm:0");
        }
        if (!keepCopyright) {
            parts.add("kcr:0");
        }
        if (!stripColorProfile) {
            parts.add("scp:0");
        }
        format.ifPresent(f -> parts.add("f:" + f.extension()));
    }
}
