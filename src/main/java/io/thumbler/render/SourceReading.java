package io.thumbler.render;

import java.nio.file.Path;

import org.im4java.core.IMOperation;

import io.thumbler.transform.Transform;

/**
 * The first arguments of every {@code convert} Thumbler runs for a job, analysis or render: read
 * the original with an explicit coder and frame selector, put it upright, apply the URL's rotation
 * and flips, and bring its colours to sRGB. After these arguments every pass sees the same frame,
 * so a trim box or saliency map found by one pass is valid in the next.
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
        op.addImage(header.format().coder() + ":" + input + (frames > 1 ? "[0-" + (frames - 1) + "]" : "[0]"));
        if (frames > 1) {
            op.coalesce();
        }
        if (t.autoRotate()) {
            op.autoOrient();
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
        } else if (t.encoding().stripColorProfile() && settings.srgbProfile().isPresent()) {
            // Converts from an embedded ICC profile to sRGB; on an image without one it only tags it.
            op.profile(settings.srgbProfile().get().toString());
        }
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
