package io.thumbler.render;

import java.util.Locale;

import io.thumbler.error.ThumblerException;
import io.thumbler.image.ImageHeader;
import io.thumbler.image.SourceLimits;
import io.thumbler.transform.SecurityOptions;

/**
 * The limits of one URL: the server's {@link SourceLimits}, tightened by the URL's security
 * options. A URL can lower a limit, never raise it, so the smaller value always wins.
 */
public final class UrlLimits {

    private UrlLimits() {
    }

    /** The server's limits with the URL's {@code max_src_resolution} and {@code max_src_file_size} applied. */
    public static SourceLimits tightened(SourceLimits server, SecurityOptions url) {
        double megapixels = url.maxSrcResolution() >= 0
                ? Math.min(server.maxResolutionMegapixels(), url.maxSrcResolution()) : server.maxResolutionMegapixels();
        long bytes = url.maxSrcFileSize() > 0 ? Math.min(server.maxFileBytes(), url.maxSrcFileSize()) : server.maxFileBytes();
        return new SourceLimits(megapixels, server.maxSideLength(), bytes, server.maxFrames(), server.readableFormats());
    }

    /**
     * Refuses an original beyond the URL's limits: those of {@link #tightened} and, for an
     * animation, {@code max_animation_frame_resolution} per frame. imgproxy checks the frame
     * instead of the sum when that option is set; here both hold, so the option only tightens.
     *
     * @throws ThumblerException 422 naming the figure and the limit
     */
    public static void check(ImageHeader header, long bytes, SourceLimits server, SecurityOptions url) {
        if (!url.any()) {
            return;
        }
        tightened(server, url).check(header, bytes);
        double frameLimit = url.maxAnimationFrameResolution();
        double frameMegapixels = (double) header.width() * header.height() / 1e6;
        if (header.frames() > 1 && frameLimit > 0 && frameMegapixels > frameLimit) {
            throw ThumblerException.refusedForUrl(String.format(Locale.ROOT,
                    "a frame of the original is %dx%d (%s MP); the limit of max_animation_frame_resolution is %s MP",
                    header.width(), header.height(), plain(frameMegapixels), plain(frameLimit)));
        }
    }

    private static String plain(double megapixels) {
        return java.math.BigDecimal.valueOf(megapixels).stripTrailingZeros().toPlainString();
    }
}
