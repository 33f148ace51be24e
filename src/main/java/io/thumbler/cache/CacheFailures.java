package io.thumbler.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts the failures of cache tiers per cache and logs them. A failing tier turns into a miss, so
 * this counter (in the {@code io.thumbler:type=Caches} MXBean) and the log are the only signs of it.
 * The log is thinned out after the first few failures of a cache: a full disk fails every request.
 */
public final class CacheFailures {

    private static final Logger LOG = Logger.getLogger(CacheFailures.class.getName());
    /** Failures logged with their stack trace before thinning out. */
    private static final long LOG_ALL_UP_TO = 10;
    /** After that, one log line per this many failures. */
    private static final long LOG_EVERY = 1000;

    private final Map<String, AtomicLong> byCache = new ConcurrentHashMap<>();

    /**
     * @param cache     the cache's name
     * @param operation what was attempted ({@code get}, {@code put}, …)
     */
    public void record(String cache, String operation, Throwable failure) {
        long n = byCache.computeIfAbsent(cache, c -> new AtomicLong()).incrementAndGet();
        if (n <= LOG_ALL_UP_TO) {
            LOG.log(Level.WARNING, "cache '" + cache + "': " + operation + " failed (failure " + n
                    + "); answered as a miss", failure);
        } else if (n % LOG_EVERY == 0) {
            LOG.warning("cache '" + cache + "': " + n + " failures so far, the last in " + operation + ": " + failure);
        }
    }

    public long count(String cache) {
        AtomicLong n = byCache.get(cache);
        return n == null ? 0 : n.get();
    }
}
