package io.thumbler.transform;

import java.time.Instant;
import java.util.Optional;

/**
 * What a URL says about the response rather than the pixels: a cache buster, an expiry, the file
 * name and whether the browser should download. Only the cache buster is part of the canonical
 * form (busting the cache is its job); the others change headers, not the render.
 */
public record Delivery(String cacheBuster, Optional<Instant> expires, Optional<String> filename, boolean attachment) {

    public static final Delivery DEFAULTS = new Delivery("", Optional.empty(), Optional.empty(), false);

    /** Whether the URL's {@code expires} lies at or before {@code now}. */
    public boolean expiredAt(Instant now) {
        return expires.map(e -> !e.isAfter(now)).orElse(false);
    }
}
