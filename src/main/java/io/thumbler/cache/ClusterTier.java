package io.thumbler.cache;

import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.inject.Instance;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.Duration;

/**
 * The cluster-shared rendition tier: a JCache cache of Payara's Data Grid (Hazelcast), reached
 * through Payara's {@code @Inject CacheManager}. Only renditions are shared: originals are large and
 * every node can fetch them itself.
 *
 * <p>Entries idle for a day expire, so that the grid's memory follows what is requested.
 */
final class ClusterTier {

    static final String NAME = "thumbler-renditions";
    private static final Logger LOG = Logger.getLogger(ClusterTier.class.getName());

    private ClusterTier() {
    }

    /** The shared cache, created by the first node that asks; {@code null} (and a log line) when the grid is absent. */
    static Cache<String, byte[]> renditions(Instance<CacheManager> managers, CacheFailures failures) {
        try {
            CacheManager grid = managers.get();
            if (grid == null) {
                throw new IllegalStateException("Payara offers no JCache manager (was it started with --nohazelcast?)");
            }
            Cache<String, byte[]> cache = grid.getCache(NAME, String.class, byte[].class);
            if (cache != null) {
                return cache;
            }
            try {
                return grid.createCache(NAME, new MutableConfiguration<String, byte[]>()
                        .setTypes(String.class, byte[].class)
                        .setExpiryPolicyFactory(AccessedExpiryPolicy.factoryOf(new Duration(TimeUnit.DAYS, 1)))
                        .setStatisticsEnabled(true)
                        .setManagementEnabled(true));
            } catch (CacheException createdMeanwhile) {
                // another node created it between our get and create
                return grid.getCache(NAME, String.class, byte[].class);
            }
        } catch (RuntimeException e) {
            failures.record("cluster-renditions", "open", e);
            LOG.log(Level.SEVERE, "THUMBLER_CLUSTER=true but the cluster tier cannot be opened; running with local caches only", e);
            return null;
        }
    }
}
