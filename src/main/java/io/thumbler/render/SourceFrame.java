package io.thumbler.render;

import java.util.Optional;

/**
 * What the planner knows of the source before it plans: its size as the viewer sees it (after EXIF
 * orientation and, by the planner, the URL's rotation), the trim box an analysis found, and the
 * saliency map smart gravity needs. Both analyses work in the rotated frame.
 */
public record SourceFrame(int width, int height, Optional<Rect> trim, Optional<SaliencyMap> saliency) {

    public static SourceFrame of(int width, int height) {
        return new SourceFrame(width, height, Optional.empty(), Optional.empty());
    }
}
