package io.thumbler.thumbnails;

import java.util.Optional;

import io.thumbler.render.ImageFormat;
import io.thumbler.transform.Transform;

/**
 * Which format a variant is written in, by imgproxy's rule: the URL's extension, else its
 * {@code format} option; else, when negotiation is on, AVIF (still images only) or WebP if the
 * {@code Accept} header lists them; else the original's own format when Thumbler can write it,
 * else JPEG.
 *
 * @param format     the chosen format; it is part of the cache key
 * @param negotiated whether {@code Accept} took part, so the response must say {@code Vary: Accept}
 */
record OutputFormatChoice(ImageFormat format, boolean negotiated) {

    static OutputFormatChoice choose(Optional<String> extension, Transform transform, ImageFormat original,
                                     boolean animated, String accept, ProcessingSettings settings) {
        Optional<String> named = extension.isPresent() ? extension : transform.format();
        if (named.isPresent()) {
            return new OutputFormatChoice(ImageFormat.fromExtension(named.get())
                    .orElseThrow(() -> new IllegalStateException("the parser let through format " + named.get())), false);
        }
        String a = accept == null ? "" : accept;
        if (settings.autoAvif() && !animated && a.contains("image/avif")) {
            return new OutputFormatChoice(ImageFormat.AVIF, true);
        }
        if (settings.autoWebp() && a.contains("image/webp")) {
            return new OutputFormatChoice(ImageFormat.WEBP, true);
        }
        return new OutputFormatChoice(original.writable() ? original : ImageFormat.JPEG, settings.negotiates());
    }
}
