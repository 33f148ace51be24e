package io.thumbler.thumbnails;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import jakarta.servlet.FilterChain;

import io.thumbler.cache.CachedRendition;
import io.thumbler.config.ConfigReader;
import io.thumbler.http.CacheHeaders;
import io.thumbler.http.RequestTimings;
import io.thumbler.http.ServletFakes;
import io.thumbler.image.ImageFormat;

class CachedVariantFilterTest {

    private static final String URL = "/sig/rs:fit:100:100/plain/local%3A%2F%2F%2Fa.jpg@jpg";
    private static final byte[] BYTES = {1, 2, 3, 4, 5};
    private static final Instant MODIFIED = Instant.parse("2026-01-02T03:04:05Z");

    private final KnownVariants known = KnownVariantsTest.table(Map.of(), 10, Duration.ofSeconds(60));
    private final Map<String, CachedRendition> tier = new HashMap<>();
    private final CacheHeaders headers = CacheHeaders.read(new ConfigReader(k -> Optional.empty()));
    private final CachedVariantFilter filter = new CachedVariantFilter(known, tier::get, headers);
    private final AtomicInteger passedOn = new AtomicInteger();
    private final FilterChain jaxRs = (req, res) -> passedOn.incrementAndGet();

    private KnownVariant enter(String url, Optional<Instant> expires) {
        long until = expires.map(Instant::toEpochMilli).orElse(System.currentTimeMillis() + 60_000);
        KnownVariant v = new KnownVariant("key1", "local:///a.jpg", "\"key1\"", "image/jpeg",
                "inline; filename=\"a.jpg\"", Optional.of(MODIFIED), expires, false, until);
        known.remember(known.generation(), url, null, v, System.currentTimeMillis());
        tier.put("key1", new CachedRendition(BYTES, ImageFormat.JPEG, 10, 10, Optional.of(MODIFIED)));
        return v;
    }

    private ServletFakes.Response send(String method, String url, Map<String, String> requestHeaders, Map<String, Object> attributes)
            throws Exception {
        ServletFakes.Response response = new ServletFakes.Response();
        filter.doFilter(ServletFakes.request(method, url, requestHeaders, attributes), response.servlet, jaxRs);
        return response;
    }

    @Test
    void aKnownUrlIsAnsweredFromTheTierWithTheVariantsHeaders() throws Exception {
        enter(URL, Optional.empty());
        Map<String, Object> attributes = new HashMap<>();

        ServletFakes.Response r = send("GET", URL, Map.of(), attributes);

        assertThat(passedOn).hasValue(0);
        assertThat(r.status).isEqualTo(200);
        assertThat(r.body.toByteArray()).isEqualTo(BYTES);
        assertThat(r.headers).containsEntry("Content-Type", "image/jpeg")
                .containsEntry("Content-Length", "5")
                .containsEntry("ETag", "\"key1\"")
                .containsEntry("Cache-Control", headers.cacheControl())
                .containsEntry("Last-Modified", "Fri, 02 Jan 2026 03:04:05 GMT")
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Content-Security-Policy", CacheHeaders.IMAGE_CONTENT_SECURITY_POLICY)
                .containsEntry("Content-Disposition", "inline; filename=\"a.jpg\"")
                .doesNotContainKey("Vary");
        assertThat(r.headers.get("Server-Timing")).contains("cache;desc=hit");
        assertThat(((RequestTimings) attributes.get(RequestTimings.ATTRIBUTE)).cacheStatus())
                .as("what the access log and metrics read").isEqualTo("hit");
        assertThat(known.served()).isEqualTo(1);
    }

    @Test
    void headGetsTheHeadersWithoutTheBody() throws Exception {
        enter(URL, Optional.empty());
        ServletFakes.Response r = send("HEAD", URL, Map.of(), new HashMap<>());
        assertThat(r.status).isEqualTo(200);
        assertThat(r.body.size()).isZero();
        assertThat(r.headers).containsEntry("Content-Length", "5").containsEntry("ETag", "\"key1\"");
    }

    @Test
    void aMatchingIfNoneMatchIs304WithoutTheTier() throws Exception {
        enter(URL, Optional.empty());
        tier.clear();
        ServletFakes.Response r = send("GET", URL, Map.of("If-None-Match", "W/\"key1\""), new HashMap<>());
        assertThat(r.status).isEqualTo(304);
        assertThat(r.body.size()).isZero();
        assertThat(r.headers).containsEntry("ETag", "\"key1\"").doesNotContainKey("Content-Type");
        assertThat(passedOn).hasValue(0);
    }

    @Test
    void unknownUrlsOtherMethodsAndAnotherSignatureGoToJaxRs() throws Exception {
        enter(URL, Optional.empty());
        for (ServletFakes.Response r : List.of(
                send("GET", URL.replace("sig", "sIg"), Map.of(), new HashMap<>()),
                send("POST", URL, Map.of(), new HashMap<>()),
                send("GET", "/health/ready", Map.of(), new HashMap<>()))) {
            assertThat(r.body.size()).isZero();
        }
        assertThat(passedOn).hasValue(3);
    }

    @Test
    void aUrlWhoseRenditionLeftTheTierGoesToJaxRsAndIsForgotten() throws Exception {
        enter(URL, Optional.empty());
        tier.clear();
        send("GET", URL, Map.of(), new HashMap<>());
        assertThat(passedOn).hasValue(1);
        assertThat(known.size()).isZero();
    }

    @Test
    void anExpiringUrlGetsItsShortenedCacheControlAndExpires() throws Exception {
        Instant expires = Instant.now().plusSeconds(120);
        enter(URL, Optional.of(expires));
        ServletFakes.Response r = send("GET", URL, Map.of(), new HashMap<>());
        assertThat(r.headers.get("Cache-Control")).matches("public, max-age=1[12][0-9], s-maxage=1[12][0-9]");
        assertThat(r.headers).containsEntry("Expires", CacheHeaders.httpDate(expires));
    }
}
