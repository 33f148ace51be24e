package io.thumbler.transform;

import java.util.List;

/**
 * imgproxy's security options, which a URL may use only when the server allows them
 * ({@code THUMBLER_ALLOW_SECURITY_OPTIONS}). Unlike imgproxy, where they replace the server's
 * limits, here each can only tighten them: the renderer takes the smaller of the URL's and the
 * server's value. 0 means "not set" except for {@code max_src_resolution}, where, as in imgproxy,
 * 0 megapixels refuses every original.
 *
 * @param maxSrcResolution            megapixels an original may have (frames summed); negative when not set
 * @param maxSrcFileSize              bytes an original may have; 0 when not set
 * @param maxAnimationFrames          frames of an animation kept; 0 when not set
 * @param maxAnimationFrameResolution megapixels one frame of an animation may have; 0 when not set
 * @param maxResultDimension          pixels the result may have on its longer side (it is scaled
 *                                    down to fit, as in imgproxy); 0 when not set
 */
public record SecurityOptions(double maxSrcResolution, long maxSrcFileSize, int maxAnimationFrames,
                              double maxAnimationFrameResolution, int maxResultDimension) {

    public static final SecurityOptions NONE = new SecurityOptions(-1, 0, 0, 0, 0);

    public boolean any() {
        return !equals(NONE);
    }

    public SecurityOptions withMaxSrcResolution(double megapixels) {
        return new SecurityOptions(megapixels, maxSrcFileSize, maxAnimationFrames, maxAnimationFrameResolution, maxResultDimension);
    }

    public SecurityOptions withMaxSrcFileSize(long bytes) {
        return new SecurityOptions(maxSrcResolution, bytes, maxAnimationFrames, maxAnimationFrameResolution, maxResultDimension);
    }

    public SecurityOptions withMaxAnimationFrames(int frames) {
        return new SecurityOptions(maxSrcResolution, maxSrcFileSize, frames, maxAnimationFrameResolution, maxResultDimension);
    }

    public SecurityOptions withMaxAnimationFrameResolution(double megapixels) {
        return new SecurityOptions(maxSrcResolution, maxSrcFileSize, maxAnimationFrames, megapixels, maxResultDimension);
    }

    public SecurityOptions withMaxResultDimension(int pixels) {
        return new SecurityOptions(maxSrcResolution, maxSrcFileSize, maxAnimationFrames, maxAnimationFrameResolution, pixels);
    }

    void appendCanonical(List<String> parts) {
        if (maxSrcResolution >= 0) {
            parts.add("msr:" + Numbers.format(maxSrcResolution));
        }
        if (maxSrcFileSize != 0) {
            parts.add("msfs:" + maxSrcFileSize);
        }
        if (maxAnimationFrames != 0) {
            parts.add("maf:" + maxAnimationFrames);
        }
        if (maxAnimationFrameResolution != 0) {
            parts.add("mafr:" + Numbers.format(maxAnimationFrameResolution));
        }
        if (maxResultDimension != 0) {
            parts.add("mrd:" + maxResultDimension);
        }
    }
}
