package io.thumbler.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.thumbler.config.ConfigReader;
import io.thumbler.config.InvalidConfigurationException;

class CloudFrontSettingsTest {

    private static CloudFrontSettings read(Map<String, String> values) {
        return CloudFrontSettings.read(new ConfigReader(key -> Optional.ofNullable(values.get(key))));
    }

    @Test
    void offUnlessADistributionIsNamed() {
        CloudFrontSettings none = read(Map.of());
        assertThat(none.enabled()).isFalse();
        assertThat(none.batchPaths()).isEqualTo(1000);
        assertThat(read(Map.of("thumbler.cloudfront.distribution-id", " ")).enabled()).isFalse();
    }

    @Test
    void aDistributionAnEndpointAndABatchSize() {
        CloudFrontSettings s = read(Map.of("thumbler.cloudfront.distribution-id", "E2QWRUHAPOMQZL",
                "thumbler.cloudfront.endpoint", "http://127.0.0.1:9999", "thumbler.cloudfront.batch-paths", "3000"));
        assertThat(s.distributionId()).hasValue("E2QWRUHAPOMQZL");
        assertThat(s.endpoint()).hasValue(URI.create("http://127.0.0.1:9999"));
        assertThat(s.batchPaths()).isEqualTo(3000);
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> read(Map.of("thumbler.cloudfront.distribution-id", "arn:aws:cloudfront::1:distribution/E2")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("THUMBLER_CLOUDFRONT_DISTRIBUTION_ID").hasMessageContaining("'arn:aws:cloudfront::1:distribution/E2'");
        assertThatThrownBy(() -> read(Map.of("thumbler.cloudfront.endpoint", "cloudfront.amazonaws.com")))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("THUMBLER_CLOUDFRONT_ENDPOINT");
        assertThatThrownBy(() -> read(Map.of("thumbler.cloudfront.batch-paths", "3001")))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("THUMBLER_CLOUDFRONT_BATCH_PATHS");
    }
}
