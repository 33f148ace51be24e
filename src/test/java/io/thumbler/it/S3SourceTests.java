package io.thumbler.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Originals from a real S3 API server: S3Proxy, in this JVM, on the loopback port the deployment
 * was configured with ({@code thumbler.s3.endpoint} in arquillian.xml). Thumbler's S3 client is
 * created on first use, so the server may start after Payara.
 */
interface S3SourceTests extends ServerUnderTest {

    /** The one S3 server of this test JVM, shared by every class that implements these tests. */
    final class Server {
        static S3Proxy proxy;
        static BlobStoreContext context;

        private Server() {
        }
    }

    @BeforeAll
    static void startS3() throws Exception {
        Server.context = ContextBuilder.newBuilder("transient").credentials("identity", "credential").build(BlobStoreContext.class);
        startProxy();
        BlobStore blobs = Server.context.getBlobStore();
        blobs.createContainerInLocation(null, "originals");
        byte[] photo = Files.readAllBytes(ServerUnderTest.originals().resolve("LadyBird.jpg"));
        blobs.putBlob("originals", blobs.blobBuilder("photos/2024/lady bird.jpg").payload(photo).contentLength(photo.length).build());
        blobs.createContainerInLocation(null, "private");
        blobs.putBlob("private", blobs.blobBuilder("secret.jpg").payload(photo).contentLength(photo.length).build());
    }

    /** S3Proxy on the configured port, serving the blob store of {@link Server#context}. */
    static void startProxy() throws Exception {
        Server.proxy = S3Proxy.builder()
                .blobStore(Server.context.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "access", "secret")
                .endpoint(URI.create("http://127.0.0.1:" + System.getProperty("s3.port")))
                .build();
        Server.proxy.start();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!AbstractLifeCycle.STARTED.equals(Server.proxy.getState()) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (Server.proxy != null) {
            Server.proxy.stop();
            Server.context.close();
        }
    }

    private static String s3Path(String options, String source, String ext) {
        return "/" + options + "/plain/" + URLEncoder.encode(source, StandardCharsets.UTF_8).replace("+", "%20") + "@" + ext;
    }

    @Test
    default void rendersAnS3Original() {
        HttpResponse<byte[]> r = client().getSigned(s3Path("rs:fit:256:256", "s3://originals/photos/2024/lady bird.jpg", "png"));

        assertThat(r.statusCode()).as(ThumblerClient.text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(Images.decode(r.body()).getWidth()).isEqualTo(256);
        assertThat(Images.decode(r.body()).getHeight()).isEqualTo(160);
    }

    /**
     * S3 down after the source TTL (10 s in arquillian.xml) lapsed: the cached variant is still
     * answered, marked stale, instead of a 5xx; once S3 is back, the version is learned again.
     */
    @Test
    default void aCachedVariantIsServedStaleWhileS3IsDown() throws Exception {
        String path = s3Path(ThumblerClient.fresh("rs:fit:90:90"), "s3://originals/photos/2024/lady bird.jpg", "jpg");
        HttpResponse<byte[]> first = client().getSigned(path);
        assertThat(first.statusCode()).as(ThumblerClient.text(first)).isEqualTo(200);

        Thread.sleep(11_000);
        Server.proxy.stop();
        try {
            HttpResponse<byte[]> stale = client().getSigned(path);
            assertThat(stale.statusCode()).as(ThumblerClient.text(stale)).isEqualTo(200);
            assertThat(stale.body()).isEqualTo(first.body());
            assertThat(stale.headers().firstValue("Server-Timing")).get().asString().contains("origin;desc=stale");
            HttpResponse<byte[]> uncached = client().getSigned(s3Path(ThumblerClient.fresh("rs:fit:91:91"),
                    "s3://originals/photos/2024/none-such.jpg", "jpg"));
            assertThat(uncached.statusCode()).as("nothing known about this source: the failure is the answer").isIn(502, 503, 504);
        } finally {
            startProxy();
        }
        HttpResponse<byte[]> fresh = client().getSigned(path);
        assertThat(fresh.statusCode()).as(ThumblerClient.text(fresh)).isEqualTo(200);
        assertThat(fresh.headers().firstValue("Server-Timing")).get().asString().doesNotContain("origin;desc=stale");
    }

    @Test
    default void aMissingS3ObjectIs404() {
        HttpResponse<byte[]> r = client().getSigned(s3Path("w:100", "s3://originals/photos/none.jpg", "jpg"));

        assertThat(r.statusCode()).as(ThumblerClient.text(r)).isEqualTo(404);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
    }

    @Test
    default void aBucketNotAllowedIs404EvenWhenTheObjectExists() {
        HttpResponse<byte[]> r = client().getSigned(s3Path("w:100", "s3://private/secret.jpg", "jpg"));

        assertThat(r.statusCode()).as(ThumblerClient.text(r)).isEqualTo(404);
    }

    @Test
    default void httpsOriginsThatAreNotAllowListedAre404WithoutAFetch() {
        HttpResponse<byte[]> r = client().getSigned(s3Path("w:100", "https://169.254.169.254/latest/meta-data", "jpg"));

        assertThat(r.statusCode()).as(ThumblerClient.text(r)).isIn(400, 404);
    }
}
