package io.thumbler.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.thumbler.image.ImageFormat;
import io.thumbler.image.ImageHeader;

/**
 * What Thumbler learned about a source when it last fetched it: enough to compute a rendition key,
 * the response headers and the render command without fetching or reading the original again.
 *
 * @param version      {@code Original.version()}
 * @param header       the original's header as the sniffer read it when it arrived (format, size,
 *                     frames, orientation); a render of this version uses it instead of reading the
 *                     header a second time
 * @param lastModified when the origin says it last changed
 * @param learnedAt    when the fetch that taught these facts happened: they are trusted until
 *                     {@code learnedAt + THUMBLER_CACHE_SOURCE_TTL}, and so is everything derived
 *                     from them (a URL's known variant included)
 */
public record SourceFacts(String version, ImageHeader header, Optional<Instant> lastModified, Instant learnedAt) {

    /** Marks the encoded form that carries the whole header; entries of earlier builds start with a format name. */
    private static final String HEADER_PREFIX = "h:";

    /** The original's format from its magic bytes (the output format may follow it). */
    public ImageFormat format() {
        return header.format();
    }

    /** Whether it has more than one frame (format negotiation skips AVIF then). */
    public boolean animated() {
        return header.frames() > 1;
    }

    /** When these facts must be learned again, for a cache that trusts a source version for {@code ttl}. */
    public Instant trustedUntil(Duration ttl) {
        return learnedAt.plus(ttl);
    }

    /** Every component of the header, in order; a component added to {@link ImageHeader} must be added here. */
    String encode() {
        return HEADER_PREFIX + header.format().name() + "," + header.width() + "," + header.height() + "," + header.frames()
                + "," + header.orientation() + "," + (header.hasAlpha() ? "1" : "0") + "," + header.colorSpace()
                + "," + header.primaryFrame() + "," + (header.iccProfile() ? "1" : "0") + "|" + lastModified.map(t -> Long.toString(t.toEpochMilli())).orElse("")
                + "|" + learnedAt.toEpochMilli() + "|" + version;
    }

    /**
     * @throws OutdatedEntryException   for an entry an earlier build wrote (format name only, no header)
     * @throws IllegalArgumentException when the text is not one {@link #encode()} wrote
     */
    static SourceFacts decode(String text) {
        String[] parts = text.split("\\|", 4);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a source-facts entry");
        }
        if (!parts[0].startsWith(HEADER_PREFIX)) {
            throw new OutdatedEntryException("a source-facts entry without the original's header");
        }
        String[] h = parts[0].substring(HEADER_PREFIX.length()).split(",", 9);
        if (h.length != 9) {
            throw new IllegalArgumentException("not a source-facts header: " + parts[0]);
        }
        ImageHeader header = new ImageHeader(ImageFormat.valueOf(h[0]), Integer.parseInt(h[1]), Integer.parseInt(h[2]),
                Integer.parseInt(h[3]), Integer.parseInt(h[4]), h[5].equals("1"), h[6], Integer.parseInt(h[7]),
                h[8].equals("1"));
        Optional<Instant> modified = parts[1].isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(parts[1])));
        return new SourceFacts(parts[3], header, modified, Instant.ofEpochMilli(Long.parseLong(parts[2])));
    }
}
