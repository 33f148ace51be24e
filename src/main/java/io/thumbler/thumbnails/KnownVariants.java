package io.thumbler.thumbnails;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.thumbler.cache.CachesInvalidated;
import io.thumbler.cache.OpenCaches;
import io.thumbler.config.ConfigReader;

/**
 * The URLs this process has already verified, parsed and answered from (or stored in) the
 * rendition cache, each with its {@link KnownVariant}: the table {@link CachedVariantFilter} serves
 * hits from. The key is the raw request path exactly as received, signature included, so a URL
 * whose signature differs in one character is not known and goes through JAX-RS, which verifies
 * it. A spelling a proxy rewrote ({@code local:/a.jpg} for {@code local:///a.jpg}) is likewise a key
 * of its own, entered only after JAX-RS verified it; the rewrites JAX-RS undoes depend on the raw
 * path alone, so an entry's check holds for every later request with its key. For a variant whose format was negotiated the key also carries which negotiable formats the
 * {@code Accept} header lists ({@link OutputFormatChoice#acceptClass}), so a client that did not ask
 * for WebP never gets WebP.
 *
 * <p>An entry is trusted no longer than the source version it was computed with ({@code
 * THUMBLER_CACHE_SOURCE_TTL} from the fetch that taught it) and never past the URL's {@code
 * expires}; a purge or a clear ({@link CachesInvalidated}) forgets entries at once, and a render
 * that began before a purge does not enter its URL afterwards (the generation check). The table
 * lives in this process only: signing keys and settings are fixed for its lifetime, so a restart
 * with rotated keys starts with an empty table. It holds at most {@code THUMBLER_CACHE_KNOWN_URLS}
 * entries (about 0.5 KB each); past that an arbitrary entry makes room, and its URL takes the JAX-RS
 * path once more.
 */
@ApplicationScoped
public class KnownVariants {

    static final String CAPACITY_KEY = "thumbler.cache.known-urls";

    @Inject
    OpenCaches caches;

    @Inject
    ProcessingSettings processing;

    @Inject
    ConfigReader config;

    private final ConcurrentHashMap<String, KnownVariant> byUrl = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final LongAdder served = new LongAdder();
    private int capacity;
    private boolean enabled;
    private Duration sourceTtl;

    @PostConstruct
    void read() {
        configure(config.integer(CAPACITY_KEY, 20_000, 0, 10_000_000), caches.stores().isPresent(), caches.settings().sourceTtl());
    }

    /** @param cachesOpen without a rendition cache there is nothing to serve from */
    void configure(int capacity, boolean cachesOpen, Duration sourceTtl) {
        this.capacity = capacity;
        this.sourceTtl = sourceTtl;
        this.enabled = cachesOpen && capacity > 0 && !sourceTtl.isZero();
    }

    /** Read before a request computes its variant; {@link #remember} refuses the entry if a purge came in between. */
    long generation() {
        return generation.get();
    }

    Duration sourceTtl() {
        return sourceTtl;
    }

    /**
     * The known variant of a request, or {@code null} when the URL must take the JAX-RS path.
     *
     * @param rawPath the request URI exactly as received ({@code HttpServletRequest.getRequestURI()})
     * @param accept  the {@code Accept} header, or {@code null}
     */
    KnownVariant find(String rawPath, String accept, long nowMillis) {
        if (!enabled) {
            return null;
        }
        String key = rawPath;
        KnownVariant v = byUrl.get(key);
        if (v == null && processing.negotiates()) {
            key = negotiatedKey(rawPath, accept);
            v = byUrl.get(key);
        }
        if (v == null) {
            return null;
        }
        if (!v.usableAt(nowMillis)) {
            byUrl.remove(key, v);
            return null;
        }
        return v;
    }

    /**
     * Enters a URL that was just answered with the bytes kept under its rendition key.
     *
     * @param generationSeen {@link #generation()} when the request began
     */
    void remember(long generationSeen, String rawPath, String accept, KnownVariant v, long nowMillis) {
        if (!enabled || !v.usableAt(nowMillis) || generation.get() != generationSeen) {
            return;
        }
        String key = v.varyAccept() ? negotiatedKey(rawPath, accept) : rawPath;
        if (byUrl.size() >= capacity && !byUrl.containsKey(key)) {
            makeRoom();
        }
        byUrl.put(key, v);
        if (generation.get() != generationSeen) {
            byUrl.remove(key, v); // a purge ran while we entered it
        }
    }

    /** Drops a URL whose variant is no longer in the rendition cache (evicted, or a damaged entry). */
    void forget(String rawPath, String accept, KnownVariant v) {
        byUrl.remove(rawPath, v);
        if (v.varyAccept()) {
            byUrl.remove(negotiatedKey(rawPath, accept), v);
        }
    }

    void onInvalidated(@Observes CachesInvalidated event) {
        generation.incrementAndGet();
        if (event.purgeId().isEmpty()) {
            byUrl.clear();
        } else {
            String purgeId = event.purgeId().get();
            byUrl.values().removeIf(v -> v.purgeId().equals(purgeId));
        }
    }

    void countServed() {
        served.increment();
    }

    /** Requests answered by {@link CachedVariantFilter} (hits and 304s) since start. */
    public long served() {
        return served.sum();
    }

    /** URLs known right now. */
    public int size() {
        return byUrl.size();
    }

    private void makeRoom() {
        Iterator<String> keys = byUrl.keySet().iterator();
        if (keys.hasNext()) {
            byUrl.remove(keys.next());
        }
    }

    private String negotiatedKey(String rawPath, String accept) {
        // A space cannot occur in a raw request path, so this key never collides with a plain one.
        return rawPath + ' ' + OutputFormatChoice.acceptClass(accept, processing);
    }
}
