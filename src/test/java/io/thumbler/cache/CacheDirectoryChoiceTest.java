package io.thumbler.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two real Ehcache managers on one directory, as two instances on one host. */
class CacheDirectoryChoiceTest {

    @TempDir
    Path work;

    private static CacheStores open(CacheSettings s) {
        return CacheStores.open(s, new CacheFailures(), URI.create("urn:thumbler-test-" + UUID.randomUUID()), null);
    }

    @Test
    void aSecondInstanceOnTheDefaultDirectoryKeepsADiskTierBesideIt() {
        Path dir = work.resolve("thumbler-cache");
        CacheSettings settings = CacheStoresTest.settings(dir);
        try (CacheStores first = CacheDirectoryChoice.open(settings, false, CacheDirectoryChoiceTest::open);
             CacheStores second = CacheDirectoryChoice.open(settings, false, CacheDirectoryChoiceTest::open);
             CacheStores third = CacheDirectoryChoice.open(settings, false, CacheDirectoryChoiceTest::open)) {
            assertThat(first.dir()).isEqualTo(dir);
            assertThat(second.dir()).isEqualTo(work.resolve("thumbler-cache-2"));
            assertThat(third.dir()).isEqualTo(work.resolve("thumbler-cache-3"));
            second.index().addRendition("local:///a.jpg", "k");
            assertThat(first.index().entries("local:///a.jpg").renditions()).as("separate stores").isEmpty();
        }
    }

    @Test
    void aDirectorySetExplicitlyIsUsedOrFailsNeverReplaced() {
        Path dir = work.resolve("chosen");
        CacheSettings settings = CacheStoresTest.settings(dir);
        try (CacheStores first = CacheDirectoryChoice.open(settings, true, CacheDirectoryChoiceTest::open)) {
            assertThat(first.dir()).isEqualTo(dir);
            assertThatThrownBy(() -> CacheDirectoryChoice.open(settings, true, CacheDirectoryChoiceTest::open))
                    .satisfies(e -> assertThat(CacheDirectoryChoice.locked(e)).isTrue());
        }
        assertThat(work.resolve("chosen-2")).doesNotExist();
    }
}
