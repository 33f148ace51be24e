package io.thumbler.render;

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
 */
public record RenderJob(byte[] original, ImageHeader header, Transform transform, ImageFormat output, int quality) {
}
