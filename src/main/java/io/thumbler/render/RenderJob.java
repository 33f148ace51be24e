package io.thumbler.render;

import java.util.Optional;

import io.thumbler.image.ImageFormat;
import io.thumbler.image.ImageHeader;
import io.thumbler.transform.Transform;

/**
 * Everything one render needs: the original's bytes and sniffed header, what to do, and what to
 * produce.
 *
 * @param original the original's bytes (already size-checked)
 * @param header   what the original's header says (already checked against the limits)
 * @param transform the processing options
 * @param output   the output format
 * @param quality  the effective quality for lossy formats, 1–100
 * @param watermark the configured watermark image, drawn when the transform's {@code watermark} is on
 */
public record RenderJob(byte[] original, ImageHeader header, Transform transform, ImageFormat output, int quality,
                        Optional<WatermarkImage> watermark) {

    /** A job without a watermark image. */
    public RenderJob(byte[] original, ImageHeader header, Transform transform, ImageFormat output, int quality) {
        this(original, header, transform, output, quality, Optional.empty());
    }

    /** The watermark to draw: configured, and asked for by the URL. */
    public Optional<WatermarkImage> drawnWatermark() {
        return transform.watermark().enabled() ? watermark : Optional.empty();
    }
}
