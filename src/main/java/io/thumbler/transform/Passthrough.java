package io.thumbler.transform;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.thumbler.image.ImageFormat;

/**
 * imgproxy's {@code skip_processing} and {@code raw}: when the original is answered as it is,
 * without a render.
 *
 * <p>{@code skip_processing:%ext1:%ext2…} passes the original through when its format is listed
 * and the URL names no other output format (no extension and no {@code format}, or the original's
 * own); later {@code skp} options add to the list, as imgproxy appends. {@code raw} passes every
 * original through, whatever the other options say. Format names are imgproxy's
 * ({@code jpeg} or {@code jpg}, {@code png}, {@code webp}, {@code gif}, {@code avif}, {@code heic},
 * {@code bmp}, {@code tiff}, {@code ico}, {@code svg}, {@code jxl}), kept as file extensions
 * ({@code jpeg} becomes {@code jpg}, as {@link ImageFormat#fromExtension} reads it). They stay
 * text because {@code jxl} has no {@link ImageFormat}: Thumbler reads no JPEG XL, so it never passes.
 *
 * @param skipFormats the extensions of the formats passed through
 * @param raw         pass every original through
 */
public record Passthrough(Set<String> skipFormats, boolean raw) {

    public static final Passthrough NONE = new Passthrough(Set.of(), false);

    /** imgproxy's format names ({@code imagetype.GetTypeByName}), case-sensitive as there. */
    static final List<String> FORMAT_NAMES = List.of("jpeg", "jpg", "png", "webp", "gif", "avif", "heic", "bmp", "tiff", "ico",
            "svg", "jxl");

    public Passthrough {
        skipFormats = Collections.unmodifiableSet(new TreeSet<>(skipFormats));
    }

    /**
     * Whether an original of format {@code source} is answered as it is.
     *
     * @param namedOutput the output the URL names (its extension, else its {@code format}), if any
     */
    public boolean passes(ImageFormat source, Optional<ImageFormat> namedOutput) {
        if (raw) {
            return true;
        }
        return skipFormats.contains(source.extension()) && namedOutput.map(source::equals).orElse(true);
    }

    Passthrough adding(OptionName n, String[] formats) {
        Set<String> all = new TreeSet<>(skipFormats);
        for (String f : formats) {
            if (!FORMAT_NAMES.contains(f)) {
                throw InvalidOptionException.of(n, "format '" + ProcessingPathParser.abbreviate(f) + "' is not one of "
                        + String.join(", ", FORMAT_NAMES));
            }
            all.add(ImageFormat.fromExtension(f).map(ImageFormat::extension).orElse(f));
        }
        return new Passthrough(all, raw);
    }

    Passthrough raw(boolean r) {
        return new Passthrough(skipFormats, r);
    }

    void appendCanonical(List<String> parts) {
        if (!skipFormats.isEmpty()) {
            parts.add("skp:" + String.join(":", skipFormats));
        }
        if (raw) {
            parts.add("raw:1");
        }
    }
}
