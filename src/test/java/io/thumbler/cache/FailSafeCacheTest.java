package io.thumbler.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.cache.Cache;
import javax.cache.CacheException;

import org.ehcache.impl.config.resilience.DefaultResilienceStrategyConfiguration;
import org.ehcache.spi.resilience.StoreAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.thumbler.image.ImageFormat;

/** A tier that fails is a miss, counted; never an exception for the request. */
class FailSafeCacheTest {

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Cache<String, byte[]> throwingCache() {
        return (Cache<String, byte[]>) Proxy.newProxyInstance(FailSafeCacheTest.class.getClassLoader(),
                new Class<?>[] {Cache.class}, (proxy, method, args) -> {
                    throw new CacheException("disk full while " + method.getName());
                });
    }

    private static CachedRendition rendition() {
        return new CachedRendition(new byte[] {9}, ImageFormat.JPEG, 1, 1, Optional.empty());
    }

    @Test
    void everyOperationOfAThrowingCacheDegradesToAMissAndIsCounted() {
        CacheFailures failures = new CacheFailures();
        FailSafeCache<byte[], CachedRendition> cache = new FailSafeCache<>("renditions", throwingCache(),
                CachedRendition::encode, CachedRendition::decode, failures);

        cache.put("k", rendition());
        assertThat(cache.get("k")).isNull();
        assertThat(cache.remove("k")).isFalse();
        cache.removeAll(Set.of("k"));
        cache.clear();
        cache.update("k", v -> v);

        assertThat(failures.count("renditions")).isEqualTo(6);
        assertThat(cache.misses()).isEqualTo(1);
        assertThat(cache.hits()).isZero();
    }

    @Test
    void aLayeredCacheWithAFailingClusterTierStillServesFromLocal() {
        CacheFailures failures = new CacheFailures();
        try (CacheStores stores = CacheStores.open(CacheStoresTest.settings(dir), failures,
                URI.create("urn:thumbler-test-" + UUID.randomUUID()), throwingCache())) {
            stores.renditions().put("k", rendition());
            assertThat(stores.renditions().get("k")).isNotNull();
            assertThat(stores.renditions().get("missing")).isNull();
            assertThat(failures.count("cluster-renditions")).isEqualTo(2); // the put and the lookup of "missing"
        }
    }

    @Test
    void aCorruptEntryIsAMissAndIsRemoved() {
        CacheFailures failures = new CacheFailures();
        try (CacheStores stores = CacheStores.open(CacheStoresTest.settings(dir), failures,
                URI.create("urn:thumbler-test-" + UUID.randomUUID()), null)) {
            stores.renditions().local().jcache().put("k", new byte[] {1, 2, 3, 4, 5});
            assertThat(stores.renditions().get("k")).isNull();
            assertThat(stores.renditions().local().jcache().containsKey("k")).isFalse();
            assertThat(failures.count("renditions")).isEqualTo(1);
        }
    }

    @Test
    void anEntryAnEarlierBuildWroteIsAMissAndIsRemovedButIsNoFailure() {
        CacheFailures failures = new CacheFailures();
        try (CacheStores stores = CacheStores.open(CacheStoresTest.settings(dir), failures,
                URI.create("urn:thumbler-test-" + UUID.randomUUID()), null)) {
            // Source facts as builds before the header was kept wrote them: format, modified, learned, version.
            stores.facts().jcache().put("local:///a.jpg", "JPEG||1700000000000|v1");
            assertThat(stores.facts().get("local:///a.jpg")).isNull();
            assertThat(stores.facts().jcache().containsKey("local:///a.jpg")).isFalse();
            assertThat(failures.count(stores.facts().name())).isZero();
            assertThat(stores.facts().misses()).isEqualTo(1);
        }
    }

    @Test
    void storeFailuresInsideEhcacheAreCountedByTheResilienceStrategy() {
        CacheFailures failures = new CacheFailures();
        java.util.List<String> obliterated = new java.util.ArrayList<>();
        CountingResilienceStrategy<String, byte[]> strategy = new CountingResilienceStrategy<>(failures, "originals",
                new org.ehcache.spi.resilience.RecoveryStore<String>() {
                    @Override
                    public void obliterate() {
                        obliterated.add("*");
                    }

                    @Override
                    public void obliterate(String key) {
                        obliterated.add(key);
                    }
                });

        assertThat(strategy.getFailure("k", new StoreAccessException(new java.io.IOException("No space left on device"))))
                .isNull();
        strategy.putFailure("k", new byte[] {1}, new StoreAccessException(new java.io.IOException("No space left on device")));

        assertThat(failures.count("originals")).isEqualTo(2);
        assertThat(obliterated).as("the failing key is dropped from every tier").containsExactly("k", "k");
    }

    @Test
    void ehcacheIsConfiguredWithTheCountingStrategyForEveryCache() {
        var config = CacheManagerConfiguration.build(CacheStoresTest.settings(dir), new CacheFailures(), getClass().getClassLoader());
        for (String alias : CacheManagerConfiguration.ALIASES) {
            assertThat(config.getCacheConfigurations().get(alias).getServiceConfigurations())
                    .as(alias).anySatisfy(s -> assertThat(s).isInstanceOfSatisfying(DefaultResilienceStrategyConfiguration.class,
                            r -> assertThat(r.getClazz()).isEqualTo(CountingResilienceStrategy.class)));
        }
    }
}
