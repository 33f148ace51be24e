package io.thumbler.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.thumbler.image.ImageFormat;
import io.thumbler.image.ImageHeader;
import io.thumbler.source.Original;

/** The real Ehcache manager on a temporary directory: persistence, purge, the cluster layer. */
class CacheStoresTest {

    @TempDir
    Path dir;

    static CacheSettings settings(Path dir) {
        CacheSettings.TierSizes small = new CacheSettings.TierSizes(10, 1, 8);
        return new CacheSettings(true, dir, Optional.empty(), small, small, 8L << 20, Duration.ofSeconds(60),
                Duration.ofDays(7), Duration.ofSeconds(5), false, Optional.empty());
    }

    private static URI uniqueUri() {
        return URI.create("urn:thumbler-test-" + UUID.randomUUID());
    }

    /** Stands in for Payara's Hazelcast JCache: any JCache manager whose cache both nodes' stores share. */
    private static CacheManager grid() {
        return ((org.ehcache.jsr107.EhcacheCachingProvider) Caching.getCachingProvider(CacheStores.PROVIDER,
                CacheStoresTest.class.getClassLoader())).getCacheManager(uniqueUri(),
                org.ehcache.config.builders.ConfigurationBuilder.newConfigurationBuilder().build());
    }

    private static CachedRendition rendition(String text) {
        return new CachedRendition(text.getBytes(), ImageFormat.PNG, 3, 2, Optional.of(Instant.ofEpochMilli(1_700_000_000_000L)));
    }

    @Test
    void renditionsOriginalsAndTheIndexSurviveARestart() {
        CacheFailures failures = new CacheFailures();
        URI uri = uniqueUri();
        try (CacheStores first = CacheStores.open(settings(dir), failures, uri, null)) {
            first.renditions().put("k1", rendition("thumb"));
            first.originals().put("o1", new Original(new byte[] {1, 2, 3}, "v1", Optional.empty()));
            first.index().addRendition("local:///a.jpg", "k1");
        }
        try (CacheStores second = CacheStores.open(settings(dir), failures, uri, null)) {
            CachedRendition back = second.renditions().get("k1");
            assertThat(back).isNotNull();
            assertThat(back.bytes()).asString().isEqualTo("thumb");
            assertThat(back.format()).isEqualTo(ImageFormat.PNG);
            assertThat(back.lastModified()).contains(Instant.ofEpochMilli(1_700_000_000_000L));
            assertThat(second.originals().get("o1").version()).isEqualTo("v1");
            assertThat(second.index().entries("local:///a.jpg").renditions()).containsExactly("k1");
            // heap-only by design: what a source was is learned again after a restart
            assertThat(second.facts().get("local:///a.jpg")).isNull();
        }
        assertThat(failures.count("renditions")).isZero();
    }

    @Test
    void aDamagedDiskEntryIsAMissAfterARestartNotOtherBytes() throws Exception {
        CacheFailures failures = new CacheFailures();
        URI uri = uniqueUri();
        String marker = "thumbnail-bytes-".repeat(64);
        try (CacheStores first = CacheStores.open(settings(dir), failures, uri, null)) {
            first.renditions().put("k1", rendition(marker));
        }
        // Flip bytes inside the image bytes of the entry in Ehcache's disk file, its length kept.
        Path data;
        try (var files = Files.walk(dir)) {
            data = files.filter(f -> f.toString().contains("renditions") && f.getFileName().toString().endsWith(".data"))
                    .findFirst().orElseThrow();
        }
        byte[] file = Files.readAllBytes(data);
        int at = indexOf(file, marker.getBytes());
        assertThat(at).as("the entry is stored uncompressed in %s", data).isNotNegative();
        for (int i = at + 100; i < at + 164; i++) {
            file[i] ^= 0x5a;
        }
        Files.write(data, file);

        try (CacheStores second = CacheStores.open(settings(dir), failures, uri, null)) {
            assertThat(second.renditions().get("k1")).as("a damaged entry is a miss").isNull();
            assertThat(second.renditions().get("k1")).as("and it is gone").isNull();
        }
        assertThat(failures.count("renditions")).isEqualTo(1);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void purgeRemovesEveryVariantOfOneSourceAndNothingElse() {
        try (CacheStores stores = CacheStores.open(settings(dir), new CacheFailures(), uniqueUri(), null)) {
            for (String k : new String[] {"a-300", "a-600", "a-old-version"}) {
                stores.renditions().put(k, rendition(k));
                stores.index().addRendition("local:///a.jpg", k);
            }
            stores.originals().put("a-orig", new Original(new byte[] {1}, "v1", Optional.empty()));
            stores.index().addOriginal("local:///a.jpg", "a-orig");
            stores.facts().put("local:///a.jpg", new SourceFacts("v1", new ImageHeader(ImageFormat.JPEG, 8, 8, 1, 1, false, "RGB"), Optional.empty(), java.time.Instant.now()));
            stores.index().addPath("local:///a.jpg", "/sig/rs:fit:300:300/plain/local:%2F%2F%2Fa.jpg@jpg");
            stores.renditions().put("b-300", rendition("b"));
            stores.index().addRendition("local:///b.jpg", "b-300");
            stores.index().addPath("local:///b.jpg", "/sig/plain/local:%2F%2F%2Fb.jpg");

            SourceIndex.Entries purged = SourcePurge.purge(stores, "local:///a.jpg");

            assertThat(purged.renditions()).hasSize(3);
            assertThat(purged.originals()).hasSize(1);
            assertThat(purged.paths()).containsExactly("/sig/rs:fit:300:300/plain/local:%2F%2F%2Fa.jpg@jpg");
            assertThat(stores.renditions().get("a-300")).isNull();
            assertThat(stores.renditions().get("a-600")).isNull();
            assertThat(stores.renditions().get("a-old-version")).isNull();
            assertThat(stores.originals().get("a-orig")).isNull();
            assertThat(stores.facts().get("local:///a.jpg")).isNull();
            assertThat(stores.index().entries("local:///a.jpg").renditions()).isEmpty();
            assertThat(stores.renditions().get("b-300")).isNotNull();
            assertThat(stores.index().entries("local:///b.jpg").paths()).hasSize(1);
        }
    }

    @Test
    void pathsHaveTheirOwnBoundAndNeverPushOutKeys() {
        try (CacheStores stores = CacheStores.open(settings(dir), new CacheFailures(), uniqueUri(), null)) {
            stores.index().addRendition("local:///busted.jpg", "only-key");
            for (int i = 0; i < SourceIndex.MAX_PATHS_PER_SOURCE + 5; i++) {
                stores.index().addPath("local:///busted.jpg", "/sig/cb:" + i + "/plain/local:%2F%2F%2Fbusted.jpg");
            }
            stores.index().addPath("local:///busted.jpg", "/a\nb"); // not a request path: ignored
            SourceIndex.Entries e = stores.index().entries("local:///busted.jpg");
            assertThat(e.renditions()).containsExactly("only-key");
            assertThat(e.paths()).hasSize(SourceIndex.MAX_PATHS_PER_SOURCE)
                    .doesNotContain("/sig/cb:0/plain/local:%2F%2F%2Fbusted.jpg", "/a\nb")
                    .contains("/sig/cb:5/plain/local:%2F%2F%2Fbusted.jpg");
        }
    }

    @Test
    void theIndexKeepsABoundedNumberOfKeysPerSource() {
        try (CacheStores stores = CacheStores.open(settings(dir), new CacheFailures(), uniqueUri(), null)) {
            for (int i = 0; i < SourceIndex.MAX_KEYS_PER_SOURCE + 10; i++) {
                stores.index().addRendition("local:///busted.jpg", "k" + i);
            }
            stores.index().addRendition("local:///busted.jpg", "k20"); // already there: no duplicate
            SourceIndex.Entries e = stores.index().entries("local:///busted.jpg");
            assertThat(e.renditions()).hasSize(SourceIndex.MAX_KEYS_PER_SOURCE)
                    .doesNotContain("k0", "k9").contains("k10", "k" + (SourceIndex.MAX_KEYS_PER_SOURCE + 9));
        }
    }

    @Test
    void aRenditionRenderedOnOneNodeIsAHitOnAnotherThroughTheSharedTier() {
        CacheManager grid = grid();
        Cache<String, byte[]> shared = grid.createCache("grid", new MutableConfiguration<String, byte[]>().setTypes(String.class, byte[].class));
        try (CacheStores nodeA = CacheStores.open(settings(dir.resolve("a")), new CacheFailures(), uniqueUri(), shared);
             CacheStores nodeB = CacheStores.open(settings(dir.resolve("b")), new CacheFailures(), uniqueUri(), shared)) {
            nodeA.renditions().put("k", rendition("from A"));

            assertThat(nodeB.renditions().local().get("k")).isNull();
            assertThat(nodeB.renditions().get("k").bytes()).asString().isEqualTo("from A");
            assertThat(nodeB.renditions().local().get("k")).as("copied into B's local tiers").isNotNull();
            assertThat(nodeB.renditions().shared().hits()).isEqualTo(1);
        } finally {
            grid.close();
        }
    }

    @Test
    void theAnnouncedPurgeFindsTheCopyAnotherNodeTookFromTheSharedTier() {
        CacheManager grid = grid();
        Cache<String, byte[]> shared = grid.createCache("grid", new MutableConfiguration<String, byte[]>().setTypes(String.class, byte[].class));
        try (CacheStores nodeA = CacheStores.open(settings(dir.resolve("a")), new CacheFailures(), uniqueUri(), shared);
             CacheStores nodeB = CacheStores.open(settings(dir.resolve("b")), new CacheFailures(), uniqueUri(), shared)) {
            nodeA.renditions().put("k", rendition("from A"));
            nodeA.index().addRendition("local:///a.jpg", "k");
            int[] copies = new int[1];
            Runnable indexOnB = () -> {
                copies[0]++;
                nodeB.index().addRendition("local:///a.jpg", "k");
            };
            assertThat(nodeB.renditions().get("k", indexOnB)).isNotNull();
            assertThat(nodeB.renditions().get("k", indexOnB)).as("now local to B").isNotNull();
            assertThat(copies[0]).as("indexed once, when copied").isEqualTo(1);

            SourcePurge.purge(nodeA, "local:///a.jpg");
            assertThat(nodeA.renditions().shared().get("k")).as("gone from the shared tier").isNull();
            assertThat(nodeB.renditions().local().get("k")).as("B's copy outlives A's purge").isNotNull();

            assertThat(SourcePurge.purge(nodeB, "local:///a.jpg").renditions()).as("B's own index names its copy").containsExactly("k");
            assertThat(nodeB.renditions().get("k")).isNull();
        } finally {
            grid.close();
        }
    }

    @Test
    void aCacheDirectoryThatCannotBeMadeFailsTheOpenWithItsPath() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> CacheStores.open(settings(file.resolve("cache")), new CacheFailures(), uniqueUri(), null))
                .hasMessageContaining(file.resolve("cache").toString());
    }
}
