package io.thumbler.render;

import org.im4java.core.IMOperation;

import io.thumbler.transform.Encoding;
import io.thumbler.transform.Transform;

/**
 * What metadata leaves with the result, per imgproxy's {@code strip_metadata} and
 * {@code strip_color_profile} (both on by default): all of it goes, or all but the ICC profile,
 * or only the ICC profile (after the colours were converted to sRGB while reading).
 */
final class Metadata {

    private Metadata() {
    }

    static void addTo(IMOperation op, Transform t) {
        Encoding e = t.encoding();
        if (e.stripMetadata() && e.stripColorProfile()) {
            op.strip();
        } else if (e.stripMetadata()) {
            op.p_profile("!icc,*");
        } else if (e.stripColorProfile()) {
            op.p_profile("icc");
        }
    }
}
