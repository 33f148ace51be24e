package io.thumbler.thumbnails;

import java.util.Optional;

import io.thumbler.render.ImageFormat;
import io.thumbler.transform.Transform;

/**
 * Which format a variant is written in: the URL's extension, else its {@code format} option, else
 * the original's own format when Thumbler can write it, else JPEG (imgproxy's rule).
 */
final class OutputFormatChoice {

    private OutputFormatChoice() {
    }

    static ImageFormat choose(Optional<String> extension, Transform transform, ImageFormat original) {
        Optional<String> named = extension.isPresent() ? extension : transform.format();
        if (named.isPresent()) {
            return ImageFormat.fromExtension(named.get())
                    .orElseThrow(() -> new IllegalStateException("the parser let through format " + named.get()));
        }
        return original.writable() ? original : ImageFormat.JPEG;
    }
}
