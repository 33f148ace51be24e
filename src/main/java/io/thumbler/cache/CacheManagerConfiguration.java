package io.thumbler.cache;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;

import org.ehcache.config.Configuration;
import org.ehcache.config.FluentConfigurationBuilder;
import org.ehcache.config.builders.ExpiryPolicyBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.config.units.EntryUnit;
import org.ehcache.config.units.MemoryUnit;
import org.ehcache.impl.config.persistence.CacheManagerPersistenceConfiguration;
import org.ehcache.xml.XmlConfiguration;

/**
 * Builds the Ehcache configuration: the reference {@code ehcache.xml} from the WAR with the
 * configured directory, sizes and source TTL applied in code (Ehcache's {@code ${…}} replacement
 * resolves Java system properties only, and Thumbler's keys also come from the environment and
 * other MicroProfile Config sources), or the operator's own file as is. Every cache gets {@link
 * CountingResilienceStrategy}, so tier failures are counted whichever file is used.
 */
final class CacheManagerConfiguration {

    static final String RENDITIONS = "renditions";
    static final String ORIGINALS = "originals";
    static final String SOURCE_FACTS = "source-facts";
    static final String SOURCE_INDEX = "source-index";
    static final List<String> ALIASES = List.of(RENDITIONS, ORIGINALS, SOURCE_FACTS, SOURCE_INDEX);
    static final String REFERENCE = "/io/thumbler/cache/ehcache.xml";

    private CacheManagerConfiguration() {
    }

    static Configuration build(CacheSettings settings, CacheFailures failures, ClassLoader loader) {
        URL xml = settings.configFile().map(CacheManagerConfiguration::url)
                .orElseGet(() -> CacheManagerConfiguration.class.getResource(REFERENCE));
        if (xml == null) {
            throw new IllegalStateException("the WAR carries no " + REFERENCE);
        }
        Configuration parsed = new XmlConfiguration(xml, loader);
        for (String alias : ALIASES) {
            if (!parsed.getCacheConfigurations().containsKey(alias)) {
                throw new IllegalStateException("the cache configuration " + xml + " defines no cache '" + alias + "'");
            }
        }
        FluentConfigurationBuilder<?> b = parsed.derive();
        for (String alias : ALIASES) {
            b = b.updateCache(alias, c -> c.withResilienceStrategy(CountingResilienceStrategy.class, failures, alias));
        }
        if (settings.configFile().isEmpty()) {
            b = b.withoutServices(CacheManagerPersistenceConfiguration.class)
                    .withService(new CacheManagerPersistenceConfiguration(settings.dir().toFile()))
                    .updateCache(RENDITIONS, c -> c.withResourcePools(pools(settings.renditions())))
                    .updateCache(ORIGINALS, c -> c.withResourcePools(pools(settings.originals())));
            if (!settings.sourceTtl().isZero()) {
                // Kept past the TTL for the stale-if-error grace; SourceFactsCache decides what is fresh.
                b = b.updateCache(SOURCE_FACTS, c -> c.withExpiry(ExpiryPolicyBuilder.timeToLiveExpiration(
                        settings.sourceTtl().plus(settings.staleIfError()))));
            }
        }
        return b.build();
    }

    private static ResourcePoolsBuilder pools(CacheSettings.TierSizes sizes) {
        return ResourcePoolsBuilder.newResourcePoolsBuilder()
                .heap(sizes.heapEntries(), EntryUnit.ENTRIES)
                .offheap(sizes.offHeapMb(), MemoryUnit.MB)
                .disk(sizes.diskMb(), MemoryUnit.MB, true);
    }

    private static URL url(java.nio.file.Path file) {
        try {
            return file.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("cache configuration file " + file + ": " + e.getMessage(), e);
        }
    }
}
