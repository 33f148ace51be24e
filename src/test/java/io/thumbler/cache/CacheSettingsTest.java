package io.thumbler.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.thumbler.config.ConfigReader;
import io.thumbler.config.InvalidConfigurationException;

class CacheSettingsTest {

    private static CacheSettings read(Map<String, String> values) {
        return CacheSettings.read(new ConfigReader(k -> Optional.ofNullable(values.get(k))));
    }

    @Test
    void defaultsAreOnSingleNodeWithoutAdminEndpoints() {
        CacheSettings s = read(Map.of());
        assertThat(s.enabled()).isTrue();
        assertThat(s.clustered()).isFalse();
        assertThat(s.adminToken()).isEmpty();
        assertThat(s.sourceTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.renditions()).isEqualTo(new CacheSettings.TierSizes(2000, 32, 1024));
        assertThat(s.originals()).isEqualTo(new CacheSettings.TierSizes(2, 32, 2048));
        assertThat(s.originalsMaxEntryBytes()).isEqualTo(8L << 20);
    }

    @Test
    void aDiskTierNoLargerThanOffHeapIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> read(Map.of("thumbler.cache.renditions.offheap-mb", "2048")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("thumbler.cache.renditions.disk-mb (THUMBLER_CACHE_RENDITIONS_DISK_MB)")
                .hasMessageContaining("must be larger than thumbler.cache.renditions.offheap-mb (2048 MB)");
    }

    @Test
    void aShortAdminTokenIsRefused() {
        assertThatThrownBy(() -> read(Map.of("thumbler.admin-token", "secret")))
                .hasMessageContaining("thumbler.admin-token (THUMBLER_ADMIN_TOKEN): the token has 6 characters; use at least 16");
    }

    @Test
    void aMissingConfigurationFileIsRefused() {
        assertThatThrownBy(() -> read(Map.of("thumbler.cache.config-file", "/nonexistent/ehcache.xml")))
                .hasMessageContaining("thumbler.cache.config-file (THUMBLER_CACHE_CONFIG_FILE): '/nonexistent/ehcache.xml' is not a readable file");
    }
}
