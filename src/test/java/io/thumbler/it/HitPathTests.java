package io.thumbler.it;

import static io.thumbler.it.ThumblerClient.fresh;
import static io.thumbler.it.ThumblerClient.plainPath;
import static io.thumbler.it.ThumblerClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import org.junit.jupiter.api.Test;

import io.thumbler.security.UrlSigner;

/**
 * Cache hits answered in front of JAX-RS, on the real server: a repeated URL is served by the
 * hit filter (counted by {@code io.thumbler:type=Requests} {@code RequestsHitBeforeJaxRs}) with the
 * same headers as the JAX-RS resource, and every rule of a render still holds on such a hit: a
 * wrong signature is 403, {@code expires}, {@code Accept} negotiation with {@code Vary}, HEAD, 304,
 * purge over JMX. (The source TTL and REST purge are in {@link CachingIT}; the origin secret and
 * key rotation across a restart in {@link ClusterIT}.)
 */
interface HitPathTests extends ServerUnderTest {

    Pattern CACHE_DESC = Pattern.compile("cache;desc=(\\w+)");
    /** Headers that differ between any two responses whoever answers. */
    Set<String> PER_RESPONSE = Set.of("date", "server-timing", "connection", "keep-alive");

    @Test
    default void aRepeatedUrlIsServedBeforeJaxRsWithTheHeadersJaxRsSends() throws Exception {
        String path = plainPath(fresh("rs:fit:110:110/fn:hit-path"), "LadyBird.jpg", "jpg");
        UrlSigner rotated = new UrlSigner(List.of(ThumblerClient.ROTATED_KEY), 32);

        HttpResponse<byte[]> miss = client().getSigned(path);
        long before = beforeJaxRs();
        HttpResponse<byte[]> fastHit = client().getSigned(path);
        long afterFast = beforeJaxRs();
        // Signed with the second configured key: another URL for the same variant, so JAX-RS
        // verifies it and answers it from the rendition cache, the first time only.
        HttpResponse<byte[]> jaxRsHit = client().getSignedWith(rotated, path);
        long afterJaxRs = beforeJaxRs();
        HttpResponse<byte[]> secondFastHit = client().getSignedWith(rotated, path);

        assertThat(miss.statusCode()).as(text(miss)).isEqualTo(200);
        assertThat(cacheDesc(miss)).isEqualTo("miss");
        assertThat(afterFast - before).as("the repeat took the hit filter").isEqualTo(1);
        assertThat(afterJaxRs - afterFast).as("a new URL goes through JAX-RS").isZero();
        assertThat(beforeJaxRs() - afterJaxRs).isEqualTo(1);
        for (HttpResponse<byte[]> hit : List.of(fastHit, jaxRsHit, secondFastHit)) {
            assertThat(hit.statusCode()).isEqualTo(200);
            assertThat(cacheDesc(hit)).isEqualTo("hit");
            assertThat(hit.body()).isEqualTo(miss.body());
        }
        assertThat(comparable(fastHit)).isEqualTo(comparable(jaxRsHit)).isEqualTo(comparable(miss));
        assertThat(fastHit.headers().firstValue("Content-Length")).hasValue(Integer.toString(miss.body().length));
        assertThat(fastHit.headers().firstValue("Content-Disposition").orElseThrow()).contains("hit-path.jpg");
    }

    @Test
    default void hitsInFrontOfJaxRsAreCountedInMetricsAndJmxLikeAnyHit() throws Exception {
        String path = plainPath(fresh("rs:fit:118:118"), "LadyBird.jpg", "jpg");
        client().getSigned(path);
        double metricBefore = cacheHitsMetric();
        long jmxBefore = (Long) jmx(server -> server.getAttribute(new ObjectName("io.thumbler:type=Requests"), "RequestsHit"));
        long fastBefore = beforeJaxRs();

        assertThat(client().getSigned(path).statusCode()).isEqualTo(200);

        assertThat(beforeJaxRs() - fastBefore).isEqualTo(1);
        // Counted when the response is complete, just after the client may have read it: allow a moment.
        long deadline = System.nanoTime() + 5_000_000_000L;
        long jmxHits;
        double metricHits;
        do {
            Thread.sleep(50);
            jmxHits = (Long) jmx(server -> server.getAttribute(new ObjectName("io.thumbler:type=Requests"), "RequestsHit")) - jmxBefore;
            metricHits = cacheHitsMetric() - metricBefore;
        } while ((jmxHits < 1 || metricHits < 1) && System.nanoTime() < deadline);
        assertThat(jmxHits).as("RequestsHit").isEqualTo(1);
        assertThat(metricHits).as("cache_hits_total").isEqualTo(1.0);
    }

    private double cacheHitsMetric() {
        HttpResponse<byte[]> r = client().send(HttpRequest.newBuilder(
                URI.create(client().base()).resolve("/metrics?scope=application")).GET());
        Matcher m = Pattern.compile("(?m)^cache_hits_total\\{[^}]*\\} ([0-9.E]+)$").matcher(text(r));
        assertThat(m.find()).as(text(r)).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    default void aWrongOrAlteredSignatureIs403EvenForACachedVariant() {
        String path = plainPath(fresh("rs:fit:111:111"), "LadyBird.jpg", "jpg");
        HttpResponse<byte[]> ok = client().getSigned(path);
        assertThat(client().getSigned(path).statusCode()).isEqualTo(200);
        String signature = new UrlSigner(List.of(ThumblerClient.KEY), 32).sign(path);
        String altered = (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1);

        HttpResponse<byte[]> wrong = client().get("/" + altered + path);
        HttpResponse<byte[]> unknownKey = client().getSignedWith(
                new UrlSigner(List.of(io.thumbler.security.SigningKey.fromHex("0badc0de", "0badc0de")), 32), path);

        assertThat(ok.statusCode()).isEqualTo(200);
        for (HttpResponse<byte[]> r : List.of(wrong, unknownKey)) {
            assertThat(r.statusCode()).as(text(r)).isEqualTo(403);
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(r.body()).isNotEqualTo(ok.body());
        }
    }

    @Test
    default void aSessionIdAppendedToAKnownUrlIs403() {
        String path = plainPath(fresh("rs:fit:116:116"), "LadyBird.jpg", "jpg");
        String url = "/" + new UrlSigner(List.of(ThumblerClient.KEY), 32).sign(path) + path;
        assertThat(client().get(url).statusCode()).isEqualTo(200);
        assertThat(client().get(url).statusCode()).isEqualTo(200);

        // Payara cuts ;jsessionid= out of the path before the application: without the check any
        // value would be accepted, an unlimited number of CDN cache keys for one signed URL.
        for (String appended : List.of(url + ";jsessionid=abc", url + ";jsessionid=", url.replaceFirst("/rs:", ";jsessionid=x/rs:"))) {
            HttpResponse<byte[]> r = client().get(appended);
            assertThat(r.statusCode()).as("%s: %s", appended, text(r)).isEqualTo(403);
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
    }

    @Test
    default void headAnd304AreAnsweredBeforeJaxRsToo() throws Exception {
        String path = plainPath(fresh("rs:fit:112:112"), "LadyBird.jpg", "png");
        HttpResponse<byte[]> full = client().getSigned(path);
        String etag = full.headers().firstValue("ETag").orElseThrow();
        String url = "/" + new UrlSigner(List.of(ThumblerClient.KEY), 32).sign(path) + path;
        long before = beforeJaxRs();

        HttpResponse<byte[]> head = client().send(HttpRequest.newBuilder(URI.create(client().base() + url))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        HttpResponse<byte[]> notModified = client().send(HttpRequest.newBuilder(URI.create(client().base() + url))
                .header("If-None-Match", etag));

        assertThat(beforeJaxRs() - before).isEqualTo(2);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(full.body().length));
        assertThat(head.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
        assertThat(notModified.headers().firstValue("Cache-Control")).isEqualTo(full.headers().firstValue("Cache-Control"));
        assertThat(notModified.headers().firstValue("Last-Modified")).isEqualTo(full.headers().firstValue("Last-Modified"));
    }

    @Test
    default void aUrlOnlyRevalidatedIsKnownAgainAfterItsEntryEnded() throws Exception {
        String path = plainPath(fresh("rs:fit:117:117"), "LadyBird.jpg", "jpg");
        HttpResponse<byte[]> full = client().getSigned(path);
        String etag = full.headers().firstValue("ETag").orElseThrow();
        String url = client().base() + "/" + new UrlSigner(List.of(ThumblerClient.KEY), 32).sign(path) + path;
        Thread.sleep(10_500); // the test server trusts a source version for 10 s: the entry ends with it

        long before = beforeJaxRs();
        HttpResponse<byte[]> relearned = client().send(HttpRequest.newBuilder(URI.create(url)).header("If-None-Match", etag));
        long afterFirst = beforeJaxRs();
        HttpResponse<byte[]> known = client().send(HttpRequest.newBuilder(URI.create(url)).header("If-None-Match", etag));

        assertThat(relearned.statusCode()).isEqualTo(304);
        assertThat(afterFirst).as("the first 304 after the entry ended goes through JAX-RS").isEqualTo(before);
        assertThat(known.statusCode()).isEqualTo(304);
        assertThat(beforeJaxRs() - afterFirst).as("the next one is known again").isEqualTo(1);
        assertThat(known.headers().firstValue("Last-Modified")).isEqualTo(full.headers().firstValue("Last-Modified"));
    }

    @Test
    default void aNegotiatedVariantNeverReachesAClientThatDidNotAskForIt() {
        // The test server negotiates WebP (thumbler.auto-webp); the URL names no format.
        String path = plainPath(fresh("rs:fit:113:113"), "LadyBird.jpg", null);
        for (int round = 0; round < 2; round++) {
            HttpResponse<byte[]> webp = withAccept(path, "image/webp,image/*,*/*;q=0.8");
            HttpResponse<byte[]> plain = withAccept(path, "image/jpeg,image/*;q=0.8");
            HttpResponse<byte[]> none = withAccept(path, null);

            assertThat(webp.headers().firstValue("Content-Type")).as("round %d", round).hasValue("image/webp");
            assertThat(plain.headers().firstValue("Content-Type")).as("round %d", round).hasValue("image/jpeg");
            assertThat(none.headers().firstValue("Content-Type")).as("round %d", round).hasValue("image/jpeg");
            for (HttpResponse<byte[]> r : List.of(webp, plain, none)) {
                assertThat(r.headers().firstValue("Vary")).hasValue("Accept");
            }
            assertThat(webp.headers().firstValue("ETag")).isNotEqualTo(plain.headers().firstValue("ETag"));
        }
    }

    @Test
    default void anExpiringUrlIsServedUntilItsExpiryAndThen404() throws Exception {
        long expires = System.currentTimeMillis() / 1000 + 4;
        String path = plainPath(fresh("rs:fit:114:114/exp:" + expires), "LadyBird.jpg", "jpg");
        HttpResponse<byte[]> first = client().getSigned(path);
        long before = beforeJaxRs();
        HttpResponse<byte[]> hit = client().getSigned(path);
        assertThat(beforeJaxRs() - before).isEqualTo(1);

        Thread.sleep(Math.max(0, expires * 1000 - System.currentTimeMillis()) + 300);
        HttpResponse<byte[]> expired = client().getSigned(path);

        assertThat(first.statusCode()).as(text(first)).isEqualTo(200);
        assertThat(hit.statusCode()).isEqualTo(200);
        assertThat(hit.headers().firstValue("Cache-Control").orElseThrow()).matches("public, max-age=[0-4], s-maxage=[0-4]");
        assertThat(hit.headers().firstValue("Expires")).isPresent();
        assertThat(expired.statusCode()).as(text(expired)).isEqualTo(404);
        assertThat(text(expired)).contains("expired");
    }

    @Test
    default void aPurgeOverJmxEndsTheHitsOfTheSource() throws Exception {
        String photo = "hitpath-" + ThumblerClient.RUN + ".jpg";
        java.nio.file.Files.copy(ServerUnderTest.originals().resolve("LadyBird.jpg"), ServerUnderTest.originals().resolve(photo));
        String path = plainPath(fresh("rs:fit:115:115"), photo, "jpg");
        client().getSigned(path);
        assertThat(cacheDesc(client().getSigned(path))).isEqualTo("hit");

        String purged = (String) jmx(server -> server.invoke(new ObjectName("io.thumbler:type=Caches"), "purgeSource",
                new Object[] {"local:///" + photo}, new String[] {String.class.getName()}));
        long before = beforeJaxRs();
        HttpResponse<byte[]> after = client().getSigned(path);

        assertThat(purged).contains("renditions=1");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(cacheDesc(after)).isEqualTo("miss");
        assertThat(beforeJaxRs()).isEqualTo(before);
    }

    private HttpResponse<byte[]> withAccept(String path, String accept) {
        String url = client().base() + "/" + new UrlSigner(List.of(ThumblerClient.KEY), 32).sign(path) + path;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (accept != null) {
            b.header("Accept", accept);
        }
        HttpResponse<byte[]> r = client().send(b);
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        return r;
    }

    /** The response's headers but those that differ per response, names lower-cased. */
    private static Map<String, List<String>> comparable(HttpResponse<byte[]> r) {
        Map<String, List<String>> h = new TreeMap<>();
        r.headers().map().forEach((k, v) -> {
            if (!PER_RESPONSE.contains(k.toLowerCase(java.util.Locale.ROOT))) {
                h.put(k.toLowerCase(java.util.Locale.ROOT), v);
            }
        });
        return h;
    }

    private static String cacheDesc(HttpResponse<byte[]> r) {
        Matcher m = CACHE_DESC.matcher(r.headers().firstValue("Server-Timing").orElse(""));
        return m.find() ? m.group(1) : "none";
    }

    /** {@code RequestsHitBeforeJaxRs} of the Requests MXBean, over remote JMX. */
    private static long beforeJaxRs() throws Exception {
        return (Long) jmx(server -> server.getAttribute(new ObjectName("io.thumbler:type=Requests"), "RequestsHitBeforeJaxRs"));
    }

    interface JmxCall {
        Object call(MBeanServerConnection server) throws Exception;
    }

    private static Object jmx(JmxCall call) throws Exception {
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(
                "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + System.getProperty("jmx.port") + "/jmxrmi"))) {
            return call.call(jmx.getMBeanServerConnection());
        }
    }
}
