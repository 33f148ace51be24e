package io.thumbler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.thumbler.error.ThumblerException;

/** Matching by parsed host, port and path prefix, never by string prefix. */
class AllowedSourcesTest {

    private final AllowedSources allowed = AllowedSources.parse(List.of("allowed.example.com", "https://cdn.example.com/public/",
            "https://ports.example.com:8443", "[2001:db8::1]"));

    @ParameterizedTest
    @ValueSource(strings = {
        "https://allowed.example.com/a.jpg",
        "HTTPS://ALLOWED.EXAMPLE.COM/a.jpg",
        "https://allowed.example.com:443/a.jpg",
        "https://cdn.example.com/public/a.jpg",
        "https://ports.example.com:8443/a.jpg",
        "https://[2001:db8::1]/a.jpg"})
    void allows(String source) {
        assertThat(allowed.allows(SourceUri.parse(source))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://allowed.example.com.evil.example/a.jpg",
        "https://evil.example/allowed.example.com/a.jpg",
        "https://sub.allowed.example.com/a.jpg",
        "https://allowed.example.com.:443/a.jpg",
        "https://allowed.example.com:8443/a.jpg",
        "https://cdn.example.com/public-secrets/a.jpg",
        "https://cdn.example.com/a.jpg",
        "https://ports.example.com/a.jpg",
        "https://[2001:db8::2]/a.jpg"})
    void refuses(String source) {
        assertThat(allowed.allows(SourceUri.parse(source))).isFalse();
    }

    @Test
    void userInfoNeverReachesTheMatch() {
        assertThatThrownBy(() -> SourceUri.parse("https://allowed.example.com@evil.example/a.jpg"))
                .isInstanceOf(ThumblerException.class).hasMessageContaining("must not carry user info");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "*.example.com                | '*.example.com': wildcards are not supported; list each host",
        "http://images.example.com/   | 'http://images.example.com/': only https origins can be allowed",
        "https://cdn.example.com/pub  | 'https://cdn.example.com/pub': a path prefix must end with '/'",
        "cdn.example.com/pub/         | 'cdn.example.com/pub/': write a path prefix as https://host/path/",
        "https://u@cdn.example.com/   | must be a host, host:port or https://host[:port]/path/ prefix"})
    void badEntriesAreRefusedByName(String entry, String message) {
        assertThatThrownBy(() -> AllowedSources.parse(List.of(entry))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
