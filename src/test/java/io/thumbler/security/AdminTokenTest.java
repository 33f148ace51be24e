package io.thumbler.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class AdminTokenTest {

    private final AdminToken token = new AdminToken(Optional.of("0123456789abcdef-secret"));

    @Test
    void onlyTheExactBearerTokenIsAccepted() {
        assertThat(token.accepts("Bearer 0123456789abcdef-secret")).isTrue();
        assertThat(token.accepts("bearer 0123456789abcdef-secret")).isTrue();
        assertThat(token.accepts("Bearer 0123456789abcdef-secreT")).isFalse();
        assertThat(token.accepts("Bearer 0123456789abcdef-secret2")).isFalse();
        assertThat(token.accepts("Basic 0123456789abcdef-secret")).isFalse();
        assertThat(token.accepts(null)).isFalse();
    }

    @Test
    void withoutAConfiguredTokenNothingIsAccepted() {
        AdminToken none = new AdminToken(Optional.empty());
        assertThat(none.configured()).isFalse();
        assertThat(none.accepts("Bearer ")).isFalse();
    }
}
