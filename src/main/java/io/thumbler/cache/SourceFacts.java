package io.thumbler.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.thumbler.image.ImageFormat;

/**
 * What Thumbler learned about a source when it last fetched it: enough to compute a rendition key
 * and the response headers without fetching it again.
 *
 * @param version      {@code Original.version()}
 * @param format       the original's format from its magic bytes (the output format may follow it)
 * @param animated     whether it has more than one frame (format negotiation skips AVIF then)
 * @param lastModified when the origin says it last changed
 * @param learnedAt    when the fetch that taught these facts happened: they are trusted until
 *                     {@code learnedAt + THUMBLER_CACHE_SOURCE_TTL}, and so is everything derived
 *                     from them (a URL's known variant included)
 */
public record SourceFacts(String version, ImageFormat format, boolean animated, Optional<Instant> lastModified,
                          Instant learnedAt) {

    /** When these facts must be learned again, for a cache that trusts a source version for {@code ttl}. */
    public Instant trustedUntil(Duration ttl) {
        return learnedAt.plus(ttl);
    }

    String encode() {
        return format.name() + (animated ? "+" : "") + "|" + lastModified.map(t -> Long.toString(t.toEpochMilli())).orElse("")
                + "|" + learnedAt.toEpochMilli() + "|" + version;
    }

    /** @throws IllegalArgumentException when the text is not one {@link #encode()} wrote */
    static SourceFacts decode(String text) {
        String[] parts = text.split("\\|", 4);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a source-facts entry");
        }
        Optional<Instant> modified = parts[1].isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(parts[1])));
        boolean animated = parts[0].endsWith("+");
        String format = animated ? parts[0].substring(0, parts[0].length() - 1) : parts[0];
        return new SourceFacts(parts[3], ImageFormat.valueOf(format), animated, modified, Instant.ofEpochMilli(Long.parseLong(parts[2])));
    }
}
