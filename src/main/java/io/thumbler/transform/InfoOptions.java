package io.thumbler.transform;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * imgproxy's info options, the options of an {@code /info} URL: which facts to answer, and the
 * cache buster, expiry and security options it shares with processing URLs.
 *
 * <p>{@code size} ({@code s}), {@code format} ({@code f}) and {@code dimensions} ({@code d}) choose
 * fields of the answer (all on by default, as in imgproxy). {@code exif}, {@code iptc},
 * {@code xmp}, {@code video_meta} ({@code vm}) and {@code detect_objects} ({@code do}) are
 * accepted so that imgproxy's info URLs work, and change nothing: Thumbler reads headers only and
 * has no metadata dump, video reader or object detector. Unknown info options are 400.
 *
 * @param size       answer {@code size}, the original's length in bytes
 * @param format     answer {@code format}, imgproxy's name of the original's format
 * @param dimensions answer {@code width} and {@code height}
 * @param expires    the URL's expiry; like {@code exp:0}, absent means never
 * @param security   {@code max_src_resolution} and {@code max_src_file_size}, when the server allows them
 */
public record InfoOptions(boolean size, boolean format, boolean dimensions, Optional<Instant> expires,
                          SecurityOptions security) {

    public static final InfoOptions DEFAULTS = new InfoOptions(true, true, true, Optional.empty(), SecurityOptions.NONE);

    /** Whether the URL's expiry lies at or before {@code now}. */
    public boolean expiredAt(Instant now) {
        return expires.map(e -> !e.isAfter(now)).orElse(false);
    }

    /**
     * Parses the option segments of an {@code /info} URL.
     *
     * @param processing the server's parser of processing options: its handlers read {@code max_src_resolution}
     *                   and {@code max_src_file_size} (403 unless the server allows security options), so
     *                   both kinds of URL read them alike; nothing else of it applies (no presets)
     * @throws InvalidOptionException 400 for an unknown option or a bad value
     * @throws ForbiddenOptionException 403 for a security option the server does not allow
     */
    public static InfoOptions parse(List<String> segments, OptionParser processing) {
        boolean size = true;
        boolean format = true;
        boolean dimensions = true;
        Optional<Instant> expires = Optional.empty();
        Transform.Builder security = Transform.builder();
        for (String segment : segments) {
            int colon = segment.indexOf(':');
            String written = colon < 0 ? segment : segment.substring(0, colon);
            String[] a = colon < 0 ? new String[0] : segment.substring(colon + 1).split(":", -1);
            String canonical = canonicalName(written);
            OptionName n = new OptionName(canonical == null ? written : canonical, written);
            if (canonical == null) {
                throw new InvalidOptionException("unknown info option '" + ProcessingPathParser.abbreviate(written)
                        + "' in '" + ProcessingPathParser.abbreviate(segment) + "'");
            }
            switch (canonical) {
                case "max_src_resolution", "max_src_file_size" -> processing.apply(segment, security);
                case "cachebuster" -> one(n, a);
                case "expires" -> {
                    long seconds = Numbers.timestamp(n, one(n, a));
                    expires = seconds > 0 ? Optional.of(Instant.ofEpochSecond(seconds)) : Optional.empty();
                }
                case "size" -> size = Numbers.bool(n, canonical, one(n, a));
                case "format" -> format = Numbers.bool(n, canonical, one(n, a));
                case "dimensions" -> dimensions = Numbers.bool(n, canonical, one(n, a));
                default -> Numbers.bool(n, canonical, one(n, a)); // accepted, nothing to answer
            }
        }
        return new InfoOptions(size, format, dimensions, expires, security.build().security());
    }

    private static String canonicalName(String written) {
        return switch (written) {
            case "size", "s" -> "size";
            case "format", "f" -> "format";
            case "dimensions", "d" -> "dimensions";
            case "exif", "iptc", "xmp" -> written;
            case "video_meta", "vm" -> "video_meta";
            case "detect_objects", "do" -> "detect_objects";
            case "cachebuster", "cb" -> "cachebuster";
            case "expires", "exp" -> "expires";
            case "max_src_resolution", "msr" -> "max_src_resolution";
            case "max_src_file_size", "msfs" -> "max_src_file_size";
            default -> null;
        };
    }

    private static String one(OptionName n, String[] a) {
        if (a.length != 1) {
            throw InvalidOptionException.of(n, "takes 1 argument, got " + a.length);
        }
        return a[0];
    }
}
