package io.thumbler.thumbnails;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import io.thumbler.render.ImageHeader;

/**
 * What {@code /info} answers about an original, from its header alone.
 *
 * @param width       width as a viewer sees it (after EXIF orientation)
 * @param height      height as a viewer sees it
 * @param format      the format the magic bytes say ({@code jpg}, {@code png}, …)
 * @param bytes       size of the original
 * @param frames      frames (1 for still images)
 * @param hasAlpha    whether the header declares transparency
 * @param orientation EXIF orientation 1–8
 * @param colorSpace  {@code RGB}, {@code GRAY}, {@code CMYK}, {@code YCCK}, {@code PALETTE} or {@code UNKNOWN}
 */
public record SourceInfo(int width, int height, String format, long bytes, int frames, boolean hasAlpha,
                         int orientation, String colorSpace) {

    static SourceInfo of(ImageHeader h, long bytes) {
        return new SourceInfo(h.orientedWidth(), h.orientedHeight(), h.format().extension(), bytes, h.frames(),
                h.hasAlpha(), h.orientation(), h.colorSpace());
    }

    /** imgproxy-style snake_case keys. */
    JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("width", width).add("height", height).add("format", format).add("bytes", bytes)
                .add("frames", frames).add("has_alpha", hasAlpha).add("orientation", orientation)
                .add("color_space", colorSpace).build();
    }
}
