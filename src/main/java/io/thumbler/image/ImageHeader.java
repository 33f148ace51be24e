package io.thumbler.image;

/**
 * What the header of an original says, read in Java before any ImageMagick process starts.
 *
 * @param format      the format from the magic bytes
 * @param width       the stored width in pixels (before EXIF orientation is applied)
 * @param height      the stored height in pixels (before EXIF orientation is applied)
 * @param frames      number of frames (1 for still images)
 * @param orientation EXIF orientation 1–8 (1 when absent)
 * @param hasAlpha    whether the header declares an alpha channel (or transparency)
 * @param colorSpace  a short name of the colour model the header declares: {@code RGB},
 *                    {@code GRAY}, {@code CMYK}, {@code YCCK}, {@code PALETTE} or {@code UNKNOWN}
 * @param primaryFrame the index of the frame that stands for the image when one is rendered: an
 *                    icon's largest entry (the one the size describes, as imgproxy renders it),
 *                    else 0; found while the header is read, so a render never reads it again
 * @param iccProfile  whether the original may carry an ICC colour profile: false only where the
 *                    reader saw the whole place a profile would be and found none (JPEG APP2,
 *                    PNG iCCP, WebP VP8X), so the render can skip converting to sRGB
 */
public record ImageHeader(ImageFormat format, int width, int height, int frames, int orientation,
                          boolean hasAlpha, String colorSpace, int primaryFrame, boolean iccProfile) {

    public ImageHeader {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("dimensions must be positive: " + width + "x" + height);
        }
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be at least 1: " + frames);
        }
        if (primaryFrame < 0 || primaryFrame >= frames) {
            throw new IllegalArgumentException("the primary frame " + primaryFrame + " is not one of the " + frames + " frames");
        }
        if (orientation < 1 || orientation > 8) {
            orientation = 1;
        }
    }

    /** A header whose first frame stands for the image, and which may carry an ICC profile. */
    public ImageHeader(ImageFormat format, int width, int height, int frames, int orientation, boolean hasAlpha, String colorSpace) {
        this(format, width, height, frames, orientation, hasAlpha, colorSpace, 0, true);
    }

    /** Whether EXIF orientation swaps width and height (orientations 5 to 8). */
    public boolean swapsAxes() {
        return orientation >= 5;
    }

    /** The width a viewer sees, after the EXIF orientation is applied. */
    public int orientedWidth() {
        return swapsAxes() ? height : width;
    }

    /** The height a viewer sees, after the EXIF orientation is applied. */
    public int orientedHeight() {
        return swapsAxes() ? width : height;
    }

    /** Pixels summed over every frame, the figure the resolution limit applies to. */
    public long totalPixels() {
        return (long) width * height * frames;
    }
}
