package io.thumbler.cache;

import java.util.Optional;

/**
 * Fired, synchronously, after a purge or a clear: whatever remembers what the caches hold (the
 * URLs whose variants are known to be cached) must forget it before the purge returns.
 *
 * @param purgeId the purged source's {@link CacheKeys#purgeId}, or empty when whole caches were
 *                cleared and everything must be forgotten
 */
public record CachesInvalidated(Optional<String> purgeId) {
}
