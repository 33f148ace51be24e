package io.thumbler.thumbnails;

import java.util.Optional;

import io.thumbler.image.ImageFormat;
import io.thumbler.transform.ProcessingPath;
import io.thumbler.transform.Transform;

/**
 * Which format a variant is written in, by imgproxy's rule: the URL's extension, else its
 * {@code format} option; else, when negotiation is on, AVIF (still images only) or WebP if the
 * {@code Accept} header lists them; else the original's own format when it is a web format
 * ({@link ImageFormat#keptWhenUnnamed()}), else JPEG.
 *
 * @param format     the chosen format; it is part of the cache key
 * @param negotiated whether {@code Accept} took part, so the response must say {@code Vary: Accept}
 */
record OutputFormatChoice(ImageFormat format, boolean negotiated) {

    /** The format the URL names: its extension, else its {@code format} option; empty when it names none. */
    static Optional<ImageFormat> named(ProcessingPath url, Transform transform) {
        return url.extension().or(transform::format);
    }

    /** @param named the format the URL names ({@link #named}), which wins when present */
    static OutputFormatChoice choose(Optional<ImageFormat> named, ImageFormat original, boolean animated, String accept,
                                     ProcessingSettings settings) {
        if (named.isPresent()) {
            return new OutputFormatChoice(named.get(), false);
        }
        int offered = acceptClass(accept, settings);
        if ((offered & AVIF) != 0 && !animated) {
            return new OutputFormatChoice(ImageFormat.AVIF, true);
        }
        if ((offered & WEBP) != 0) {
            return new OutputFormatChoice(ImageFormat.WEBP, true);
        }
        return new OutputFormatChoice(original.keptWhenUnnamed() ? original : ImageFormat.JPEG, settings.negotiates());
    }

    private static final int AVIF = 1;
    private static final int WEBP = 2;

    /**
     * Which negotiable formats an {@code Accept} header offers, as far as negotiation is switched on:
     * all that {@link #choose} reads of it. Two headers of one class get the same format for the
     * same URL, which lets {@link KnownVariants} key negotiated variants by class, not by header.
     */
    static int acceptClass(String accept, ProcessingSettings settings) {
        if (accept == null) {
            return 0;
        }
        return (settings.autoAvif() && accept.contains("image/avif") ? AVIF : 0)
                | (settings.autoWebp() && accept.contains("image/webp") ? WEBP : 0);
    }
}
