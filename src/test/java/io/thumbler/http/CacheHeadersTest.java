package io.thumbler.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CacheHeadersTest {

    private static final String ETAG = "\"0123abcd\"";

    @Test
    void ifNoneMatchNamesTheEtagAloneInAListWeaklyOrAsStar() {
        assertThat(CacheHeaders.matches(ETAG, ETAG)).isTrue();
        assertThat(CacheHeaders.matches("\"other\", " + ETAG, ETAG)).isTrue();
        assertThat(CacheHeaders.matches("W/" + ETAG, ETAG)).isTrue();
        assertThat(CacheHeaders.matches("*", ETAG)).isTrue();
    }

    @Test
    void anythingElseIsNoMatch() {
        assertThat(CacheHeaders.matches(null, ETAG)).isFalse();
        assertThat(CacheHeaders.matches("", ETAG)).isFalse();
        assertThat(CacheHeaders.matches("0123abcd", ETAG)).as("unquoted").isFalse();
        assertThat(CacheHeaders.matches("\"0123abc\"", ETAG)).isFalse();
    }
}
