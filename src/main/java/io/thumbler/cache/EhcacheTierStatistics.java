package io.thumbler.cache;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.logging.Logger;

import javax.cache.CacheManager;

import org.ehcache.core.spi.service.StatisticsService;
import org.ehcache.core.statistics.CacheStatistics;
import org.ehcache.core.statistics.TierStatistics;

/**
 * Evictions, entries and bytes of an Ehcache cache, which JCache's statistics do not have. Ehcache
 * keeps them in its statistics service, which its JSR-107 manager holds in a private field and
 * offers no accessor for; it is read reflectively, and when a later Ehcache renames the field the
 * numbers read {@code -1} instead of failing.
 */
final class EhcacheTierStatistics {

    private static final Logger LOG = Logger.getLogger(EhcacheTierStatistics.class.getName());

    private final StatisticsService service;

    private EhcacheTierStatistics(StatisticsService service) {
        this.service = service;
    }

    static EhcacheTierStatistics of(CacheManager jsr107Manager) {
        try {
            Field f = jsr107Manager.getClass().getDeclaredField("statisticsService");
            f.setAccessible(true);
            return new EhcacheTierStatistics((StatisticsService) f.get(jsr107Manager));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warning("Ehcache's tier statistics are not reachable (" + e + "); evictions, entries and bytes read -1");
            return new EhcacheTierStatistics(null);
        }
    }

    /** @return evictions, entries and bytes of the cache's authority (largest) tier, each -1 when unknown */
    long[] evictionsEntriesBytes(String alias) {
        if (service == null) {
            return new long[] {-1, -1, -1};
        }
        try {
            CacheStatistics stats = service.getCacheStatistics(alias);
            Map<String, TierStatistics> tiers = stats.getTierStatistics();
            TierStatistics authority = tiers.getOrDefault("Disk", tiers.getOrDefault("OffHeap", tiers.get("OnHeap")));
            if (authority == null) {
                return new long[] {stats.getCacheEvictions(), -1, -1};
            }
            return new long[] {stats.getCacheEvictions(), authority.getMappings(), authority.getOccupiedByteSize()};
        } catch (RuntimeException e) {
            return new long[] {-1, -1, -1};
        }
    }
}
