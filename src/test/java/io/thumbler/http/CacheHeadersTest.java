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

    @Test
    void httpDatesHaveTwoDigitDaysAndRepeatCheaply() {
        java.time.Instant t = java.time.Instant.parse("2026-03-05T07:08:09.750Z");
        assertThat(CacheHeaders.httpDate(t)).isEqualTo("Thu, 05 Mar 2026 07:08:09 GMT");
        assertThat(CacheHeaders.httpDate(t)).isSameAs(CacheHeaders.httpDate(t));
        assertThat(CacheHeaders.httpDate(java.time.Instant.parse("1994-11-06T08:49:37Z"))).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    }

    @Test
    void aVariantsHeadersWithAndWithoutExpiry() {
        CacheHeaders h = CacheHeaders.read(new io.thumbler.config.ConfigReader(k -> java.util.Optional.empty()));
        java.util.Map<String, String> plain = new java.util.LinkedHashMap<>();
        h.variant(plain::put, java.util.Optional.empty(), java.util.Optional.empty(), ETAG, true);
        assertThat(plain).containsEntry("Cache-Control", "public, max-age=31536000, s-maxage=31536000, stale-while-revalidate=86400, stale-if-error=604800")
                .containsEntry("ETag", ETAG).containsEntry("Vary", "Accept").doesNotContainKeys("Expires", "Last-Modified");

        java.util.Map<String, String> expiring = new java.util.LinkedHashMap<>();
        java.time.Instant expires = java.time.Instant.now().plusSeconds(100);
        h.variant(expiring::put, java.util.Optional.empty(), java.util.Optional.of(expires), ETAG, false);
        assertThat(expiring.get("Cache-Control")).matches("public, max-age=(99|100), s-maxage=(99|100)");
        assertThat(expiring).containsEntry("Expires", CacheHeaders.httpDate(expires)).doesNotContainKey("Vary");
    }
}
