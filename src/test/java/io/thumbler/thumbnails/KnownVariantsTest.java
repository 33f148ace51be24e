package io.thumbler.thumbnails;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.thumbler.cache.CachesInvalidated;
import io.thumbler.config.ConfigReader;

class KnownVariantsTest {

    static final long NOW = 1_800_000_000_000L;
    static final String URL = "/sig/rs:fit:100:100/plain/local%3A%2F%2F%2Fa.jpg@jpg";
    static final String NEGOTIATED_URL = "/sig/rs:fit:100:100/plain/local%3A%2F%2F%2Fa.jpg";

    static ProcessingSettings processing(Map<String, String> settings) {
        ProcessingSettings p = new ProcessingSettings();
        p.config = new ConfigReader(k -> Optional.ofNullable(settings.get(k)));
        p.read();
        return p;
    }

    static KnownVariants table(Map<String, String> settings, int capacity, Duration ttl) {
        KnownVariants k = new KnownVariants();
        k.processing = processing(settings);
        k.configure(capacity, true, ttl);
        return k;
    }

    static KnownVariant variant(String key, String purgeId, boolean vary, long until) {
        return new KnownVariant(key, purgeId, "\"" + key + "\"", "image/jpeg", "inline", Optional.empty(), Optional.empty(), vary, until);
    }

    @Test
    void aRememberedUrlIsFoundByItsExactRawPathOnly() {
        KnownVariants k = table(Map.of(), 10, Duration.ofSeconds(60));
        KnownVariant v = variant("k1", "local:///a.jpg", false, NOW + 60_000);
        k.remember(k.generation(), URL, null, v, NOW);

        assertThat(k.find(URL, "image/webp", NOW)).isEqualTo(v);
        assertThat(k.find(URL.replace("/sig/", "/siG/"), null, NOW)).as("another signature").isNull();
        assertThat(k.find(URL + "x", null, NOW)).isNull();
        assertThat(k.find(URL.replace("%3A", "%3a"), null, NOW)).as("no normalisation of escapes").isNull();
    }

    @Test
    void anEntryEndsWithItsSourceVersionsTrust() {
        KnownVariants k = table(Map.of(), 10, Duration.ofSeconds(60));
        k.remember(k.generation(), URL, null, variant("k1", "s", false, NOW + 1000), NOW);

        assertThat(k.find(URL, null, NOW + 999)).isNotNull();
        assertThat(k.find(URL, null, NOW + 1000)).isNull();
        assertThat(k.size()).as("dropped once stale").isZero();
    }

    @Test
    void aStaleEntryIsNotEntered() {
        KnownVariants k = table(Map.of(), 10, Duration.ofSeconds(60));
        k.remember(k.generation(), URL, null, variant("k1", "s", false, NOW), NOW);
        assertThat(k.size()).isZero();
    }

    @Test
    void negotiatedVariantsAreKnownPerAcceptClass() {
        KnownVariants k = table(Map.of("thumbler.auto-webp", "true", "thumbler.auto-avif", "true"), 10, Duration.ofSeconds(60));
        KnownVariant webp = variant("webp", "s", true, NOW + 60_000);
        k.remember(k.generation(), NEGOTIATED_URL, "image/webp,*/*", webp, NOW);

        assertThat(k.find(NEGOTIATED_URL, "image/webp,image/*", NOW)).isEqualTo(webp);
        assertThat(k.find(NEGOTIATED_URL, "image/png,*/*", NOW)).as("a client that did not ask for WebP").isNull();
        assertThat(k.find(NEGOTIATED_URL, null, NOW)).isNull();
        assertThat(k.find(NEGOTIATED_URL, "image/avif,image/webp", NOW)).as("AVIF offered too: another class").isNull();
    }

    @Test
    void aPurgeForgetsTheSourcesUrlsAndAClearForgetsAll() {
        KnownVariants k = table(Map.of(), 10, Duration.ofSeconds(60));
        k.remember(k.generation(), "/s/a", null, variant("k1", "local:///a.jpg", false, NOW + 60_000), NOW);
        k.remember(k.generation(), "/s/b", null, variant("k2", "local:///b.jpg", false, NOW + 60_000), NOW);

        k.onInvalidated(new CachesInvalidated(Optional.of("local:///a.jpg")));
        assertThat(k.find("/s/a", null, NOW)).isNull();
        assertThat(k.find("/s/b", null, NOW)).isNotNull();

        k.onInvalidated(new CachesInvalidated(Optional.empty()));
        assertThat(k.size()).isZero();
    }

    @Test
    void aRequestThatBeganBeforeAPurgeDoesNotEnterItsUrlAfterIt() {
        KnownVariants k = table(Map.of(), 10, Duration.ofSeconds(60));
        long seen = k.generation();
        k.onInvalidated(new CachesInvalidated(Optional.of("local:///a.jpg")));
        k.remember(seen, URL, null, variant("k1", "local:///a.jpg", false, NOW + 60_000), NOW);
        assertThat(k.find(URL, null, NOW)).isNull();
    }

    @Test
    void theTableStaysWithinItsCapacity() {
        KnownVariants k = table(Map.of(), 3, Duration.ofSeconds(60));
        for (int i = 0; i < 10; i++) {
            k.remember(k.generation(), "/s/" + i, null, variant("k" + i, "s", false, NOW + 60_000), NOW);
        }
        assertThat(k.size()).isEqualTo(3);
        assertThat(k.find("/s/9", null, NOW)).as("the newest is in").isNotNull();
    }

    @Test
    void withoutCachesOrWithASourceTtlOfZeroNothingIsKnown() {
        KnownVariants noTtl = table(Map.of(), 10, Duration.ZERO);
        noTtl.remember(noTtl.generation(), URL, null, variant("k1", "s", false, NOW + 60_000), NOW);
        assertThat(noTtl.find(URL, null, NOW)).isNull();

        KnownVariants noCaches = new KnownVariants();
        noCaches.processing = processing(Map.of());
        noCaches.configure(10, false, Duration.ofSeconds(60));
        noCaches.remember(noCaches.generation(), URL, null, variant("k1", "s", false, NOW + 60_000), NOW);
        assertThat(noCaches.find(URL, null, NOW)).isNull();
    }

    @Test
    void forgetRemovesOnlyThatEntry() {
        KnownVariants k = table(Map.of(), 10, Duration.ofSeconds(60));
        KnownVariant v = variant("k1", "s", false, NOW + 60_000);
        k.remember(k.generation(), URL, null, v, NOW);
        k.forget(URL, null, variant("other", "s", false, NOW + 60_000));
        assertThat(k.find(URL, null, NOW)).isEqualTo(v);
        k.forget(URL, null, v);
        assertThat(k.find(URL, null, NOW)).isNull();
    }

    @Test
    void anExpiringEntryEndsAtItsExpiry() {
        KnownVariants k = table(Map.of(), 10, Duration.ofSeconds(60));
        Instant expires = Instant.ofEpochMilli(NOW + 5_000);
        k.remember(k.generation(), URL, null, new KnownVariant("k1", "s", "\"k1\"", "image/jpeg", "inline", Optional.empty(),
                Optional.of(expires), false, expires.toEpochMilli()), NOW);
        assertThat(k.find(URL, null, NOW + 4_999)).isNotNull();
        assertThat(k.find(URL, null, NOW + 5_000)).isNull();
    }
}
