package io.thumbler.it;

import static io.thumbler.it.ThumblerClient.fresh;
import static io.thumbler.it.ThumblerClient.plainPath;
import static io.thumbler.it.ThumblerClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.thumbler.security.UrlSigner;

/**
 * The rendition cache on a real Payara Micro: hit and miss in {@code Server-Timing}, ETags and 304,
 * HEAD, one render for a burst of identical requests (counted by the admin stats endpoint), purge,
 * and a changed original getting a new ETag once its remembered version expires, also for a URL
 * whose repeats were answered in front of JAX-RS ({@link HitPathTests} has the rest of that path). The test server
 * trusts a source version for 10 s ({@code thumbler.cache.source-ttl} in arquillian.xml): long
 * enough that a burst of requests on a busy machine still shares one version.
 */
class CachingIT extends DeployedThumbler implements HitPathTests {

    private static final String ADMIN_TOKEN = "it-admin-token-0123456789";
    private static final String LADYBIRD = "LadyBird.jpg";
    private static final String WINE = "Wine_by_Jakkub_Mede.jpg";
    private static final Pattern CACHE_DESC = Pattern.compile("cache;desc=(\\w+)");
    private static final Pattern LOADS = Pattern.compile("\"%s\":\\{[^}]*\"loads\":(\\d+)");

    private final UrlSigner signer = new UrlSigner(List.of(ThumblerClient.KEY), 32);

    @Test
    void aMissThenAHitWithTheSameStrongEtagAndAnotherEtagForAnotherSize() {
        purge("local:///" + LADYBIRD);
        String path = plainPath(fresh("rs:fit:120:120"), LADYBIRD, "jpg");

        HttpResponse<byte[]> first = client.getSigned(path);
        HttpResponse<byte[]> second = client.getSigned(path);
        HttpResponse<byte[]> otherSize = client.getSigned(plainPath(fresh("rs:fit:121:121"), LADYBIRD, "jpg"));

        assertThat(first.statusCode()).as(text(first)).isEqualTo(200);
        assertThat(cacheDesc(first)).isEqualTo("miss");
        assertThat(first.headers().firstValue("Server-Timing").orElseThrow()).contains("fetch;dur=", "render;dur=");
        assertThat(cacheDesc(second)).isEqualTo("hit");
        assertThat(second.headers().firstValue("Server-Timing").orElseThrow()).doesNotContain("render;");
        assertThat(second.body()).isEqualTo(first.body());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{64}\"");
        assertThat(second.headers().firstValue("ETag")).hasValue(etag);
        assertThat(otherSize.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(first.headers().firstValue("Last-Modified")).isPresent();
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public, max-age=");
        assertThat(first.headers().firstValue("Vary")).as("no negotiation, no Vary").isEmpty();
    }

    @Test
    void aMatchingIfNoneMatchGets304WithoutRendering() {
        String path = plainPath(fresh("rs:fit:130:130"), LADYBIRD, "png");
        HttpResponse<byte[]> full = client.getSigned(path);
        String etag = full.headers().firstValue("ETag").orElseThrow();
        long rendersBefore = loads("renditions");

        HttpResponse<byte[]> notModified = send(path, b -> b.header("If-None-Match", etag));
        HttpResponse<byte[]> otherEtag = send(path, b -> b.header("If-None-Match", "\"not-it\""));

        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
        assertThat(notModified.headers().firstValue("Cache-Control")).isPresent();
        assertThat(notModified.headers().firstValue("Server-Timing").orElseThrow()).doesNotContain("render;");
        assertThat(otherEtag.statusCode()).isEqualTo(200);
        assertThat(otherEtag.body()).isEqualTo(full.body());
        assertThat(loads("renditions")).isEqualTo(rendersBefore);
    }

    @Test
    void headIsAnsweredLikeGetWithoutABody() {
        String path = plainPath(fresh("rs:fit:140:140"), LADYBIRD, "webp");
        HttpResponse<byte[]> get = client.getSigned(path);
        HttpResponse<byte[]> head = send(path, b -> b.method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
        assertThat(head.headers().firstValue("Content-Type")).hasValue("image/webp");
        assertThat(cacheDesc(head)).isEqualTo("hit");
    }

    @Test
    void fiftyConcurrentColdRequestsFetchOnceRenderOnceAndGetTheSameBytes() throws Exception {
        purge("local:///" + WINE);
        String path = plainPath(fresh("rs:fill:160:160"), WINE, "jpg");
        long rendersBefore = loads("renditions");
        long fetchesBefore = loads("originals");

        int n = 50;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<HttpResponse<byte[]>>> futures = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return client.getSigned(path);
                }));
            }
            go.countDown();
            List<HttpResponse<byte[]>> responses = new ArrayList<>();
            for (Future<HttpResponse<byte[]>> f : futures) {
                responses.add(f.get(120, TimeUnit.SECONDS));
            }
            byte[] first = responses.get(0).body();
            int misses = 0;
            for (HttpResponse<byte[]> r : responses) {
                assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
                assertThat(r.body()).isEqualTo(first);
                assertThat(cacheDesc(r)).isIn("miss", "coalesced", "hit");
                misses += "miss".equals(cacheDesc(r)) ? 1 : 0;
            }
            assertThat(misses).isEqualTo(1);
            assertThat(responses).anySatisfy(r -> assertThat(cacheDesc(r)).isEqualTo("coalesced"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(loads("renditions") - rendersBefore).as("renders").isEqualTo(1);
        assertThat(loads("originals") - fetchesBefore).as("fetches of the original").isEqualTo(1);
    }

    @Test
    void aPurgedSourceIsRenderedAgain() {
        String path = plainPath(fresh("rs:fit:150:150"), LADYBIRD, "jpg");
        client.getSigned(path);
        assertThat(cacheDesc(client.getSigned(path))).isEqualTo("hit");

        HttpResponse<byte[]> purged = purge("local:///" + LADYBIRD);

        assertThat(text(purged)).contains("\"source\":\"local:///LadyBird.jpg\"").containsPattern("\"renditions\":[1-9]");
        assertThat(cacheDesc(client.getSigned(path))).isEqualTo("miss");
    }

    @Test
    void theAdminEndpointsWantTheToken() {
        String url = "/admin/cache/source?url=" + URLEncoder.encode("local:///" + LADYBIRD, StandardCharsets.UTF_8);
        HttpResponse<byte[]> none = client.send(HttpRequest.newBuilder(URI.create(client.base() + url)).DELETE());
        HttpResponse<byte[]> wrong = client.send(HttpRequest.newBuilder(URI.create(client.base() + url)).DELETE()
                .header("Authorization", "Bearer it-admin-token-0123456780"));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aChangedOriginalGetsANewEtagOnceItsVersionIsLearnedAgain() throws Exception {
        Path samples = ServerUnderTest.originals();
        Path changing = Files.createTempFile(samples, "it-changing-", ".jpg");
        try {
            Files.copy(samples.resolve(LADYBIRD), changing, StandardCopyOption.REPLACE_EXISTING);
            String path = plainPath(fresh("rs:fit:100:100"), changing.getFileName().toString(), "jpg");
            HttpResponse<byte[]> before = client.getSigned(path);
            assertThat(before.statusCode()).as(text(before)).isEqualTo(200);
            // A repeat: from now on the URL is answered in front of JAX-RS, until its version's trust ends.
            assertThat(cacheDesc(client.getSigned(path))).isEqualTo("hit");

            Files.copy(samples.resolve(WINE), changing, StandardCopyOption.REPLACE_EXISTING);
            Thread.sleep(10_500); // the test server trusts a source version for 10 s
            HttpResponse<byte[]> after = client.getSigned(path);

            assertThat(after.statusCode()).as(text(after)).isEqualTo(200);
            assertThat(after.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
            assertThat(Images.decode(before.body()).getWidth()).isEqualTo(100); // landscape
            assertThat(Images.decode(after.body()).getHeight()).isEqualTo(100); // portrait
            assertThat(cacheDesc(after)).isEqualTo("miss");
        } finally {
            Files.deleteIfExists(changing);
        }
    }

    private HttpResponse<byte[]> send(String path, java.util.function.UnaryOperator<HttpRequest.Builder> customise) {
        return client.send(customise.apply(HttpRequest.newBuilder(URI.create(client.base() + "/" + signer.sign(path) + path))));
    }

    private HttpResponse<byte[]> purge(String source) {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/admin/cache/source?url="
                + URLEncoder.encode(source, StandardCharsets.UTF_8))).DELETE().header("Authorization", "Bearer " + ADMIN_TOKEN));
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        return r;
    }

    /** Loads (renders, fetches) of one cache so far, from the admin stats endpoint. */
    private long loads(String cache) {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/admin/cache/stats"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN));
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        Matcher m = Pattern.compile(String.format(LOADS.pattern(), cache)).matcher(text(r));
        assertThat(m.find()).as(text(r)).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String cacheDesc(HttpResponse<byte[]> r) {
        Matcher m = CACHE_DESC.matcher(r.headers().firstValue("Server-Timing").orElse(""));
        return m.find() ? m.group(1) : "none";
    }
}
