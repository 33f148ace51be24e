package io.thumbler.cache;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.thumbler.config.ConfigReader;
import io.thumbler.http.CacheHeaders;

/**
 * The cache configuration, validated at startup. Every value comes from a {@code thumbler.cache.*}
 * key ({@code THUMBLER_CACHE_*} in the environment); docs/caching.md lists them.
 *
 * @param enabled       {@code THUMBLER_CACHE_ENABLED}: off means every request fetches and renders
 * @param dir           {@code THUMBLER_CACHE_DIR}: the persistent disk tier; one directory per process
 * @param configFile    {@code THUMBLER_CACHE_CONFIG_FILE}: an Ehcache XML used as is instead of the
 *                      shipped one (then the size keys and the directory key do not apply)
 * @param renditions    sizes of the rendition cache's tiers
 * @param originals     sizes of the original cache's tiers
 * @param originalsMaxEntryBytes {@code THUMBLER_CACHE_ORIGINALS_MAX_ENTRY_MB}: larger originals are
 *                      not kept in the original cache (each render of one fetches it again)
 * @param sourceTtl     {@code THUMBLER_CACHE_SOURCE_TTL}: how long a source's version is trusted
 * @param staleIfError  {@code THUMBLER_STALE_IF_ERROR}: how much longer a source's last known version
 *                      still serves its cached variants while its origin fails
 * @param coalesceWait  {@code THUMBLER_CACHE_COALESCE_WAIT}: how long a request waits for another's load
 * @param clustered     {@code THUMBLER_CLUSTER}: share renditions through Payara's Hazelcast JCache
 * @param adminToken    {@code THUMBLER_ADMIN_TOKEN}: bearer token of the admin endpoints; none disables them
 */
public record CacheSettings(boolean enabled, Path dir, Optional<Path> configFile, TierSizes renditions,
                            TierSizes originals, long originalsMaxEntryBytes, Duration sourceTtl, Duration staleIfError, Duration coalesceWait, boolean clustered,
                            Optional<String> adminToken) {

    /** Admin tokens shorter than this are refused: a bearer token is a password. */
    static final int MIN_TOKEN_LENGTH = 16;

    /**
     * Sizes of one cache's tiers. Ehcache needs each tier larger than the one above it.
     *
     * @param heapEntries entries kept on the Java heap (entries, not bytes: sizing byte[] by bytes
     *                    would need Ehcache's reflective size-of engine)
     * @param offHeapMb   direct memory, reserved at startup
     * @param diskMb      persistent disk tier
     */
    public record TierSizes(long heapEntries, long offHeapMb, long diskMb) {
    }

    public static CacheSettings read(ConfigReader config) {
        boolean enabled = config.bool("thumbler.cache.enabled", true);
        Path dir = Path.of(config.string("thumbler.cache.dir",
                System.getProperty("java.io.tmpdir") + "/thumbler-cache")).toAbsolutePath().normalize();
        Optional<Path> file = config.optional("thumbler.cache.config-file").map(Path::of);
        file.ifPresent(f -> {
            if (!f.toFile().isFile()) {
                throw ConfigReader.invalid("thumbler.cache.config-file", "'" + f + "' is not a readable file");
            }
        });
        TierSizes renditions = sizes(config, "renditions", 2000, 32, 1024);
        TierSizes originals = sizes(config, "originals", 2, 32, 2048);
        long maxEntryMb = config.longValue("thumbler.cache.originals.max-entry-mb", 8, 1, 1 << 20);
        int sourceTtl = config.integer("thumbler.cache.source-ttl", 60, 0, 86_400);
        int wait = config.integer("thumbler.cache.coalesce-wait", 30, 1, 600);
        boolean clustered = config.bool("thumbler.cluster", false);
        Optional<String> token = config.optional("thumbler.admin-token");
        if (token.isPresent() && token.get().length() < MIN_TOKEN_LENGTH) {
            throw ConfigReader.invalid("thumbler.admin-token", "the token has " + token.get().length()
                    + " characters; use at least " + MIN_TOKEN_LENGTH);
        }
        return new CacheSettings(enabled, dir, file, renditions, originals, maxEntryMb << 20, Duration.ofSeconds(sourceTtl),
                CacheHeaders.staleIfError(config),
                Duration.ofSeconds(wait), clustered, token);
    }

    /** The same settings with the disk tier in {@code other}. */
    public CacheSettings withDir(Path other) {
        return new CacheSettings(enabled, other, configFile, renditions, originals, originalsMaxEntryBytes, sourceTtl,
                staleIfError, coalesceWait, clustered, adminToken);
    }

    private static TierSizes sizes(ConfigReader config, String cache, long heap, long offHeap, long disk) {
        String prefix = "thumbler.cache." + cache + ".";
        long h = config.longValue(prefix + "heap-entries", heap, 1, 10_000_000);
        long o = config.longValue(prefix + "offheap-mb", offHeap, 1, 1_048_576);
        long d = config.longValue(prefix + "disk-mb", disk, 2, 104_857_600);
        if (d <= o) {
            throw ConfigReader.invalid(prefix + "disk-mb", d + " MB must be larger than " + prefix + "offheap-mb (" + o + " MB)");
        }
        return new TierSizes(h, o, d);
    }
}
