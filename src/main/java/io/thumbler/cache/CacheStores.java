package io.thumbler.cache;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.function.Function;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;

import org.ehcache.jsr107.EhcacheCachingProvider;

import io.thumbler.source.Original;

/**
 * The opened caches of one process: the Ehcache JCache manager with its four caches, each behind a
 * {@link FailSafeCache}, and the cluster tier when there is one. Plain Java, so that tests can open,
 * close and reopen it on one directory as a restart does.
 */
public final class CacheStores implements AutoCloseable {

    /** Gives the manager a stable JMX name ({@code CacheManager=urn.thumbler}) instead of a temp path. */
    public static final URI MANAGER_URI = URI.create("urn:thumbler");
    static final String PROVIDER = "org.ehcache.jsr107.EhcacheCachingProvider";

    private final java.nio.file.Path dir;
    private final CacheManager manager;
    private final LayeredCache<CachedRendition> renditions;
    private final FailSafeCache<byte[], Original> originals;
    private final FailSafeCache<String, SourceFacts> facts;
    private final SourceIndex index;

    private CacheStores(java.nio.file.Path dir, CacheManager manager, LayeredCache<CachedRendition> renditions,
                        FailSafeCache<byte[], Original> originals,
                        FailSafeCache<String, SourceFacts> facts, SourceIndex index) {
        this.dir = dir;
        this.manager = manager;
        this.renditions = renditions;
        this.originals = originals;
        this.facts = facts;
        this.index = index;
    }

    /**
     * Opens the Ehcache manager on the configured directory.
     *
     * @param uri    {@link #MANAGER_URI} in the server; tests that hold two managers at once need two
     * @param shared the cluster tier's JCache cache, or {@code null}
     * @throws RuntimeException when the directory cannot be made or Ehcache refuses it (e.g. locked
     *         by another process); the caller runs without caches then
     */
    public static CacheStores open(CacheSettings settings, CacheFailures failures, URI uri, Cache<String, byte[]> shared) {
        if (settings.configFile().isEmpty()) {
            try {
                Files.createDirectories(settings.dir());
            } catch (IOException e) {
                throw new IllegalStateException("cache directory " + settings.dir() + " cannot be created: " + e, e);
            }
        }
        ClassLoader loader = CacheStores.class.getClassLoader();
        // Named explicitly: Payara also offers Hazelcast's provider, and then the unnamed lookup throws.
        EhcacheCachingProvider provider = (EhcacheCachingProvider) Caching.getCachingProvider(PROVIDER, loader);
        CacheManager manager = provider.getCacheManager(uri, CacheManagerConfiguration.build(settings, failures, loader));
        try {
            FailSafeCache<byte[], CachedRendition> local = new FailSafeCache<>(CacheManagerConfiguration.RENDITIONS,
                    manager.getCache(CacheManagerConfiguration.RENDITIONS, String.class, byte[].class),
                    CachedRendition::encode, CachedRendition::decode, failures);
            FailSafeCache<byte[], CachedRendition> cluster = shared == null ? null : new FailSafeCache<>("cluster-renditions",
                    shared, CachedRendition::encode, CachedRendition::decode, failures);
            return new CacheStores(settings.dir(), manager,
                    new LayeredCache<>(local, cluster),
                    new FailSafeCache<>(CacheManagerConfiguration.ORIGINALS,
                            manager.getCache(CacheManagerConfiguration.ORIGINALS, String.class, byte[].class),
                            CachedOriginal::encode, CachedOriginal::decode, failures),
                    new FailSafeCache<>(CacheManagerConfiguration.SOURCE_FACTS,
                            manager.getCache(CacheManagerConfiguration.SOURCE_FACTS, String.class, String.class),
                            SourceFacts::encode, SourceFacts::decode, failures),
                    new SourceIndex(new FailSafeCache<>(CacheManagerConfiguration.SOURCE_INDEX,
                            manager.getCache(CacheManagerConfiguration.SOURCE_INDEX, String.class, String.class),
                            Function.identity(), Function.identity(), failures)));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public LayeredCache<CachedRendition> renditions() {
        return renditions;
    }

    public FailSafeCache<byte[], Original> originals() {
        return originals;
    }

    public FailSafeCache<String, SourceFacts> facts() {
        return facts;
    }

    public SourceIndex index() {
        return index;
    }

    public CacheManager manager() {
        return manager;
    }

    /** Closes the manager; a clean close is what lets the disk tier be read again at the next start. */
    /** The directory of the disk tier (unused when an Ehcache XML file configures the caches). */
    public java.nio.file.Path dir() {
        return dir;
    }

    @Override
    public void close() {
        manager.close();
    }
}
