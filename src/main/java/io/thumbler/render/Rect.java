package io.thumbler.render;

/**
 * A window of pixels. For a crop it is the part kept; for a canvas ({@code extend}) it is the
 * canvas size with {@code x}/{@code y} the place of the image on it.
 */
public record Rect(int x, int y, int width, int height) {
}
