package io.thumbler.transform;

/**
 * Handlers of the options that say how the original is taken rather than what is drawn:
 * {@code skip_processing} and {@code raw} (answer the original as it is), {@code enforce_thumbnail}
 * and {@code preserve_hdr} (decoder hints), and the security options, which tighten the server's
 * limits and which a URL may use only when the server allows them.
 */
final class HandlingOptions {

    private HandlingOptions() {
    }

    static void register(OptionParser p, boolean securityOptionsAllowed) {
        p.register("skip_processing", "skp", 1, 16, (n, a, b) -> b.passthrough = b.passthrough.adding(n, a));
        p.register("raw", "raw", 1, 1, (n, a, b) -> b.passthrough = b.passthrough.raw(Numbers.bool(n, "raw", a[0])));
        p.register("enforce_thumbnail", "eth", 1, 1, (n, a, b) -> b.enforceThumbnail = Numbers.bool(n, "enforce_thumbnail", a[0]));
        p.register("preserve_hdr", "ph", 1, 1, (n, a, b) -> b.preserveHdr = Numbers.bool(n, "preserve_hdr", a[0]));

        // No security option can loosen a server limit (see SecurityOptions), so a large value only
        // leaves things as they are: they share one cap, the largest whole number an argument may write.
        p.register("max_src_resolution", "msr", 1, 1, guarded(securityOptionsAllowed, (n, a, b) ->
                b.security = b.security.withMaxSrcResolution(megapixels(n, a[0]))));
        p.register("max_src_file_size", "msfs", 1, 1, guarded(securityOptionsAllowed, (n, a, b) ->
                b.security = b.security.withMaxSrcFileSize(Numbers.wholeNumber(n, "size", a[0], Numbers.MAX_WHOLE))));
        p.register("max_animation_frames", "maf", 1, 1, guarded(securityOptionsAllowed, (n, a, b) -> {
            int frames = Numbers.wholeNumber(n, "frames", a[0], Numbers.MAX_WHOLE);
            if (frames == 0) {
                throw InvalidOptionException.of(n, "frames 0 is not a positive number");
            }
            b.security = b.security.withMaxAnimationFrames(frames);
        }));
        p.register("max_animation_frame_resolution", "mafr", 1, 1, guarded(securityOptionsAllowed, (n, a, b) ->
                b.security = b.security.withMaxAnimationFrameResolution(megapixels(n, a[0]))));
        p.register("max_result_dimension", "mrd", 1, 1, guarded(securityOptionsAllowed, (n, a, b) ->
                b.security = b.security.withMaxResultDimension(Numbers.wholeNumber(n, "dimension", a[0], Numbers.MAX_WHOLE))));
    }

    /** imgproxy checks the permission before the arguments, so a forbidden option is 403 whatever its value. */
    private static OptionParser.Handler guarded(boolean allowed, OptionParser.Handler handler) {
        if (allowed) {
            return handler;
        }
        return (n, a, b) -> {
            throw new ForbiddenOptionException(n, "security options are not allowed (THUMBLER_ALLOW_SECURITY_OPTIONS is off)");
        };
    }

    private static double megapixels(OptionName n, String value) {
        double mp = Numbers.decimal(n, "megapixels", value);
        if (mp < 0) {
            throw InvalidOptionException.of(n, "megapixels " + value + " is not a positive number or 0");
        }
        return mp;
    }
}
