package io.thumbler.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.thumbler.config.ConfigReader;
import io.thumbler.config.InvalidConfigurationException;

class OriginSecretFilterTest {

    private static final String OLD = "0123456789abcdef-old";
    private static final String NEW = "0123456789abcdef-new";
    private final OriginSecretFilter filter = new OriginSecretFilter(new OriginSecrets(List.of(OLD, NEW)));

    private ServletFakes.Response run(OriginSecretFilter f, Map<String, String> headers, AtomicBoolean passed) throws Exception {
        ServletFakes.Response response = new ServletFakes.Response();
        f.doFilter(ServletFakes.request("GET", "/sig/w:10/plain/x", headers, new HashMap<>()), response.servlet,
                (req, res) -> passed.set(true));
        return response;
    }

    @Test
    void withoutTheHeaderAnswers403NoStore() throws Exception {
        AtomicBoolean passed = new AtomicBoolean();
        ServletFakes.Response r = run(filter, Map.of(), passed);

        assertThat(passed).isFalse();
        assertThat(r.status).isEqualTo(403);
        assertThat(r.headers).containsEntry("Cache-Control", "no-store");
        assertThat(r.text.toString()).isEqualTo("this server answers its CDN only\n");
    }

    @Test
    void aWrongValueIsRefused() throws Exception {
        AtomicBoolean passed = new AtomicBoolean();
        assertThat(run(filter, Map.of("X-Origin-Secret", OLD + "x"), passed).status).isEqualTo(403);
        assertThat(run(filter, Map.of("X-Origin-Secret", OLD.substring(1)), passed).status).isEqualTo(403);
        assertThat(run(filter, Map.of("X-Origin-Secret", ""), passed).status).isEqualTo(403);
        assertThat(passed).isFalse();
    }

    @Test
    void eitherValueOfARotationPasses() throws Exception {
        for (String secret : List.of(OLD, NEW)) {
            AtomicBoolean passed = new AtomicBoolean();
            ServletFakes.Response r = run(filter, Map.of("x-origin-secret", secret), passed);
            assertThat(passed).as(secret).isTrue();
            assertThat(r.status).isEqualTo(200);
        }
    }

    @Test
    void payarasHealthAndMetricsNeedNoSecret() throws Exception {
        for (String path : List.of("/health", "/health/ready", "/metrics", "/metrics?scope=application")) {
            AtomicBoolean passed = new AtomicBoolean();
            ServletFakes.Response response = new ServletFakes.Response();
            filter.doFilter(ServletFakes.request("GET", path.replaceFirst("\\?.*", ""), Map.of(), new HashMap<>()), response.servlet,
                    (req, res) -> passed.set(true));
            assertThat(passed).as(path).isTrue();
        }
        AtomicBoolean passed = new AtomicBoolean();
        filter.doFilter(ServletFakes.request("GET", "/healthy/w:1/plain/x", Map.of(), new HashMap<>()), new ServletFakes.Response().servlet,
                (req, res) -> passed.set(true));
        assertThat(passed).as("a signature that merely starts with 'health'").isFalse();
    }

    @Test
    void noSecretConfiguredLetsEverythingThrough() throws Exception {
        AtomicBoolean passed = new AtomicBoolean();
        run(new OriginSecretFilter(OriginSecrets.read(config(null))), Map.of(), passed);
        assertThat(passed).isTrue();
    }

    @Test
    void readsACommaSeparatedRotationAndRefusesShortSecrets() {
        OriginSecrets secrets = OriginSecrets.read(config(OLD + ", " + NEW));
        assertThat(secrets.enabled()).isTrue();
        assertThat(secrets.accepts(NEW)).isTrue();
        assertThat(secrets.accepts(null)).isFalse();
        assertThatThrownBy(() -> OriginSecrets.read(config("short")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("thumbler.origin-secret (THUMBLER_ORIGIN_SECRET): a secret of 5 characters is too short");
    }

    private static ConfigReader config(String value) {
        Map<String, String> values = value == null ? Map.of() : Map.of("thumbler.origin-secret", value);
        return new ConfigReader(key -> Optional.ofNullable(values.get(key)));
    }
}
