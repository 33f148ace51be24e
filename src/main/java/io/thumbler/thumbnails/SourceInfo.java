package io.thumbler.thumbnails;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import io.thumbler.image.ImageFormat;
import io.thumbler.image.ImageHeader;
import io.thumbler.transform.InfoOptions;

/**
 * What {@code /info} answers about an original, from its header alone, in imgproxy's shape:
 * {@code format}, {@code width}, {@code height} and {@code size}, each left out when its info
 * option is off; then Thumbler's own fields, always present.
 *
 * @param width       width as a viewer sees it (after EXIF orientation)
 * @param height      height as a viewer sees it
 * @param format      the format the magic bytes say, as imgproxy names it ({@code jpeg}, {@code png}, …)
 * @param size        length of the original in bytes
 * @param frames      frames (1 for still images)
 * @param hasAlpha    whether the header declares transparency
 * @param orientation EXIF orientation 1–8
 * @param colorSpace  {@code RGB}, {@code GRAY}, {@code CMYK}, {@code YCCK}, {@code PALETTE} or {@code UNKNOWN}
 */
public record SourceInfo(int width, int height, String format, long size, int frames, boolean hasAlpha,
                         int orientation, String colorSpace) {

    static SourceInfo of(ImageHeader h, long size) {
        return new SourceInfo(h.orientedWidth(), h.orientedHeight(), imgproxyName(h.format()), size, h.frames(),
                h.hasAlpha(), h.orientation(), h.colorSpace());
    }

    /** imgproxy's type name: its extension, except {@code jpeg} for JPEG ({@code imagetype}'s {@code String}). */
    static String imgproxyName(ImageFormat format) {
        return format == ImageFormat.JPEG ? "jpeg" : format.extension();
    }

    /** imgproxy's keys first, as its info options select them; Thumbler's extra facts after. */
    JsonObject toJson(InfoOptions options) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (options.format()) {
            json.add("format", format);
        }
        if (options.dimensions()) {
            json.add("width", width).add("height", height);
        }
        if (options.size()) {
            json.add("size", size);
        }
        return json.add("frames", frames).add("has_alpha", hasAlpha).add("orientation", orientation)
                .add("color_space", colorSpace).build();
    }
}
