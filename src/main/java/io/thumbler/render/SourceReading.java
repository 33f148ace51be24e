package io.thumbler.render;

import java.nio.file.Path;

import org.im4java.core.IMOperation;

import io.thumbler.image.HeaderSniffer;
import io.thumbler.image.ImageFormat;
import io.thumbler.image.ImageHeader;
import io.thumbler.transform.Transform;

/**
 * The first arguments of every {@code convert} Thumbler runs for a job, analysis or render: read
 * the original with an explicit coder and frame selector, put it upright, apply the URL's rotation
 * and flips, and bring its colours to sRGB. After these arguments every pass sees the same frame,
 * so a trim box or saliency map found by one pass is valid in the next.
 *
 * <p>Upright means the orientation {@link HeaderSniffer} read, applied as explicit operations, not
 * ImageMagick's {@code -auto-orient}: ImageMagick 6 knows the orientation of JPEG and TIFF but
 * ignores the EXIF chunks of PNG and WebP (verified on 6.9.11), and the geometry was planned in
 * Java from the sniffed orientation, so the pixels must turn by exactly that. {@code -orient TopLeft}
 * then marks the image upright, so that EXIF kept by {@code strip_metadata:0} says 1 and a viewer
 * does not turn the result a second time.
 */
final class SourceReading {

    private SourceReading() {
    }

    /**
     * @param frames how many frames to read: 1 reads {@code [0]} only, more keep an animation
     *               (coalesced, so that every frame is a full picture that crops and scales alike)
     */
    static void addTo(IMOperation op, RenderJob job, Path input, int frames, RenderSettings settings) {
        ImageHeader header = job.header();
        Transform t = job.transform();
        if (header.format() == ImageFormat.TIFF) {
            // Only the pixels of the first directory: no Photoshop layers, no EXIF directory parsed.
            op.define("tiff:ignore-layers=true");
            op.define("tiff:exif-properties=false");
        }
        op.addImage(header.format().coder() + ":" + input + frameSelector(job, frames));
        if (frames > 1) {
            op.coalesce();
        }
        if (t.autoRotate()) {
            orient(op, header.orientation());
        }
        if (t.rotate() != 0) {
            op.rotate((double) t.rotate());
        }
        if (t.flipHorizontal()) {
            op.flop();
        }
        if (t.flipVertical()) {
            op.flip();
        }
        if ("CMYK".equals(header.colorSpace()) || "YCCK".equals(header.colorSpace())) {
            // No profile: ImageMagick's own CMYK→sRGB matches the reference decoders (samples/MANIFEST.tsv).
            op.colorspace("sRGB");
        } else if (t.encoding().stripColorProfile() && settings.srgbProfile().isPresent() && header.iccProfile()) {
            // Converts from an embedded ICC profile to sRGB. On an image without one it would only tag
            // it, and the tag is stripped with the profile: skipped then, which saves a millisecond or
            // two of loading the profile per render for the many web images that carry none.
            op.profile(settings.srgbProfile().get().toString());
        }
    }

    /** {@code [0]}, all frames up to {@code frames}, or for an icon the largest entry, as imgproxy renders. */
    private static String frameSelector(RenderJob job, int frames) {
        if (job.header().format() == ImageFormat.ICO) {
            return "[" + job.header().primaryFrame() + "]";
        }
        return frames > 1 ? "[0-" + (frames - 1) + "]" : "[0]";
    }

    /** The operations that put a stored image with this EXIF orientation upright (as -auto-orient's). */
    static void orient(IMOperation op, int orientation) {
        switch (orientation) {
            case 2 -> op.flop();
            case 3 -> op.rotate(180.0);
            case 4 -> op.flip();
            case 5 -> op.transpose();
            case 6 -> op.rotate(90.0);
            case 7 -> op.transverse();
            case 8 -> op.rotate(270.0);
            default -> { }
        }
        op.orient("TopLeft");
    }

    /** The source size in the frame the planner works in: upright only when auto-rotate is on. */
    static int[] frameSize(ImageHeader header, Transform t) {
        return t.autoRotate() ? new int[] {header.orientedWidth(), header.orientedHeight()} : new int[] {header.width(), header.height()};
    }

    /**
     * Frames to read: the whole animation up to the budget when the output can animate, else one.
     * The URL's {@code max_animation_frames} can only lower the server's budget.
     */
    static int frames(RenderJob job, RenderSettings settings) {
        boolean animatable = job.output() == ImageFormat.GIF || job.output() == ImageFormat.WEBP;
        int budget = settings.maxAnimationFrames();
        int urlBudget = job.transform().security().maxAnimationFrames();
        if (urlBudget > 0) {
            budget = Math.min(budget, urlBudget);
        }
        return animatable ? Math.max(1, Math.min(job.header().frames(), budget)) : 1;
    }
}
