package io.thumbler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.thumbler.config.ConfigReader;
import io.thumbler.config.InvalidConfigurationException;

class SourceSettingsTest {

    private final Map<String, String> values = new HashMap<>();
    private final ConfigReader config = new ConfigReader(key -> Optional.ofNullable(values.get(key)));

    @Test
    void nothingConfiguredEnablesNothing() {
        try (Originals originals = SourceSettings.read(config)) {
            assertThat(originals.serves(SourceUri.Scheme.S3)).isFalse();
            assertThat(originals.serves(SourceUri.Scheme.HTTPS)).isFalse();
            assertThat(originals.serves(SourceUri.Scheme.LOCAL)).isFalse();
        }
    }

    @Test
    void bucketsEnableS3AndOriginsEnableHttps() {
        values.put("thumbler.s3.allowed-buckets", "originals, thumbs");
        values.put("thumbler.allowed-sources", "images.example.com");
        try (Originals originals = SourceSettings.read(config)) {
            assertThat(originals.serves(SourceUri.Scheme.S3)).isTrue();
            assertThat(originals.serves(SourceUri.Scheme.HTTPS)).isTrue();
        }
    }

    @Test
    void s3SettingsAreReadWithTheirDefaults() {
        values.put("thumbler.s3.allowed-buckets", "originals");
        values.put("thumbler.s3.endpoint", "http://127.0.0.1:9000");
        values.put("thumbler.s3.path-style", "true");
        values.put("thumbler.s3.access-key", "access");
        values.put("thumbler.s3.secret-key", "secret");
        S3Settings s3 = SourceSettings.s3(config, Duration.ofSeconds(2), Duration.ofSeconds(5)).orElseThrow();
        assertThat(s3.endpoint()).contains(URI.create("http://127.0.0.1:9000"));
        assertThat(s3.pathStyle()).isTrue();
        assertThat(s3.region()).isEmpty();
        assertThat(s3.attemptTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s3.retries()).isEqualTo(2);
        assertThat(s3.breakerFailures()).isEqualTo(5);
        assertThat(s3.breakerOpenFor()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s3.toString()).doesNotContain("secret");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "thumbler.s3.allowed-buckets | Bad_Bucket     | thumbler.s3.allowed-buckets (THUMBLER_S3_ALLOWED_BUCKETS): 'Bad_Bucket' is not a valid S3 bucket name",
        "thumbler.s3.endpoint        | ftp://host     | thumbler.s3.endpoint (THUMBLER_S3_ENDPOINT): 'ftp://host' must be an http:// or https:// URL with a host",
        "thumbler.s3.access-key      | access         | thumbler.s3.secret-key (THUMBLER_S3_SECRET_KEY): is required when thumbler.s3.access-key is set",
        "thumbler.s3.secret-key      | secret         | thumbler.s3.access-key (THUMBLER_S3_ACCESS_KEY): is required when thumbler.s3.secret-key is set",
        "thumbler.s3.region          | Europe West    | thumbler.s3.region (THUMBLER_S3_REGION): 'Europe West' is not a region name like eu-west-1",
        "thumbler.s3.path-style      | maybe          | thumbler.s3.path-style (THUMBLER_S3_PATH_STYLE): 'maybe' is not true or false",
        "thumbler.s3.attempt-timeout | 9              | thumbler.s3.attempt-timeout (THUMBLER_S3_ATTEMPT_TIMEOUT): 9 s is longer than the download timeout",
        "thumbler.s3.retries         | 9              | thumbler.s3.retries (THUMBLER_S3_RETRIES): 9 is outside the allowed range 0..5",
        "thumbler.s3.breaker-failures | 0             | thumbler.s3.breaker-failures (THUMBLER_S3_BREAKER_FAILURES): 0 is outside the allowed range 1..1000",
        "thumbler.download-timeout   | soon           | thumbler.download-timeout (THUMBLER_DOWNLOAD_TIMEOUT): 'soon' is not a number",
        "thumbler.allowed-sources    | *.example.com  | thumbler.allowed-sources (THUMBLER_ALLOWED_SOURCES): '*.example.com': wildcards are not supported",
        "thumbler.max-redirects      | 99             | thumbler.max-redirects (THUMBLER_MAX_REDIRECTS): 99 is outside the allowed range 0..50",
        "thumbler.allow-private-source-addresses | perhaps | thumbler.allow-private-source-addresses (THUMBLER_ALLOW_PRIVATE_SOURCE_ADDRESSES): 'perhaps' is not true or false",
        "thumbler.https.trust-store  | /no/such.p12   | thumbler.https.trust-store (THUMBLER_HTTPS_TRUST_STORE): '/no/such.p12' is not a readable file"})
    void everyBadValueNamesItsKey(String key, String value, String message) {
        values.put("thumbler.s3.allowed-buckets", "originals");
        values.put("thumbler.allowed-sources", "images.example.com");
        values.put(key, value);
        assertThatThrownBy(() -> SourceSettings.read(config).close()).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aTrustStoreThatIsNotOneIsRefusedByName() throws Exception {
        java.nio.file.Path notAStore = java.nio.file.Files.createTempFile("thumbler", ".p12");
        try {
            java.nio.file.Files.writeString(notAStore, "hello");
            values.put("thumbler.https.trust-store", notAStore.toString());
            assertThatThrownBy(() -> SourceSettings.tls(config)).isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("thumbler.https.trust-store (THUMBLER_HTTPS_TRUST_STORE): trust store '" + notAStore
                            + "' cannot be read");
        } finally {
            java.nio.file.Files.delete(notAStore);
        }
    }

    @Test
    void aGeneratedTrustStoreIsAccepted() throws Exception {
        LoopbackTls tls = LoopbackTls.get();
        values.put("thumbler.https.trust-store", tls.trustStore.toString());
        values.put("thumbler.https.trust-store-password", "changeit");
        assertThat(SourceSettings.tls(config).getProtocol()).isEqualTo("TLS");
    }
}
