package io.thumbler.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.thumbler.error.ThumblerException;

/** {@link S3Originals} against a real S3 API (S3Proxy, in memory, on loopback). */
class S3OriginalsTest {

    private static final byte[] CAT = "not really a jpeg, but S3 does not care".getBytes(StandardCharsets.US_ASCII);
    private static InProcessS3 s3;

    @BeforeAll
    static void start() throws Exception {
        s3 = new InProcessS3();
        s3.put("originals", "animals/cat.jpg", CAT);
        s3.put("originals", "big.jpg", new byte[4096]);
        s3.put("other", "secret.jpg", CAT);
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    private static S3Originals originals(long maxBytes) {
        return new S3Originals(s3.settings("originals", "empty-bucket"), maxBytes, Duration.ofSeconds(5));
    }

    @Test
    void fetchesTheObjectWithItsETagAsVersion() {
        try (S3Originals originals = originals(1024)) {
            Instant before = Instant.now().minusSeconds(60);
            Original original = originals.fetch(SourceUri.parse("s3://originals/animals/cat.jpg"));
            assertThat(original.bytes()).isEqualTo(CAT);
            String etag = s3.blobs().blobMetadata("originals", "animals/cat.jpg").getETag().replace("\"", "");
            assertThat(original.version()).isNotBlank().isEqualTo(etag);
            assertThat(original.lastModified()).hasValueSatisfying(t -> assertThat(t).isAfter(before));
        }
    }

    @Test
    void aMissingKeyIs404() {
        try (S3Originals originals = originals(1024)) {
            assertStatus(() -> originals.fetch(SourceUri.parse("s3://originals/animals/dog.jpg")), 404,
                    "original 's3://originals/animals/dog.jpg' not found");
        }
    }

    @Test
    void anAllowedBucketThatDoesNotExistIs404() {
        try (S3Originals originals = originals(1024)) {
            assertStatus(() -> originals.fetch(SourceUri.parse("s3://empty-bucket/cat.jpg")), 404,
                    "original 's3://empty-bucket/cat.jpg' not found");
        }
    }

    @Test
    void aBucketNotAllowedIs404WithTheSameMessageAsAMissingObject() {
        try (S3Originals originals = originals(1024)) {
            ThumblerException e = assertStatus(() -> originals.fetch(SourceUri.parse("s3://other/secret.jpg")), 404,
                    "original 's3://other/secret.jpg' not found");
            assertThat(e.internalDetail()).isEqualTo("bucket 'other' is not in THUMBLER_S3_ALLOWED_BUCKETS");
        }
    }

    @Test
    void accessDeniedIs404SoTheServiceIsNoExistenceOracle() {
        S3Settings wrongSecret = InProcessS3.settings(s3.endpoint(), "not-the-secret", "originals");
        try (S3Originals originals = new S3Originals(wrongSecret, 1024, Duration.ofSeconds(5))) {
            ThumblerException e = assertStatus(() -> originals.fetch(SourceUri.parse("s3://originals/animals/cat.jpg")), 404,
                    "original 's3://originals/animals/cat.jpg' not found");
            assertThat(e.internalDetail()).contains("403");
        }
    }

    @Test
    void anObjectOverTheCapIs422FromItsContentLengthBeforeTheBodyIsRead() {
        try (S3Originals originals = originals(1000)) {
            // "according to S3" is the ContentLength branch; the counting reader says "larger than"
            assertStatus(() -> originals.fetch(SourceUri.parse("s3://originals/big.jpg")), 422,
                    "original 's3://originals/big.jpg' is 4096 bytes according to S3; the limit is 1000 bytes");
        }
    }

    @Test
    void anObjectAtTheCapIsRead() {
        try (S3Originals originals = originals(4096)) {
            assertThat(originals.fetch(SourceUri.parse("s3://originals/big.jpg")).bytes()).hasSize(4096);
        }
    }

    @Test
    void theClientIsCreatedOnFirstUseSoStartupNeedsNoS3() {
        S3Settings nowhere = InProcessS3.settings(java.net.URI.create("http://127.0.0.1:1"), "x", "originals");
        java.util.concurrent.atomic.AtomicInteger created = new java.util.concurrent.atomic.AtomicInteger();
        try (S3Originals originals = new S3Originals(nowhere, 1024, Duration.ofSeconds(2), () -> {
            created.incrementAndGet();
            return S3ClientFactory.create(nowhere, Duration.ofSeconds(2));
        })) {
            assertThat(originals.scheme()).isEqualTo(SourceUri.Scheme.S3);
            assertThat(originals.circuit()).hasValue("closed");
            assertThat(created).as("no client before the first use").hasValue(0);

            originals.warmUp(); // offline: resolves a URL, sends nothing to the unreachable endpoint
            originals.warmUp();
            assertThat(created).as("one client, made on first use and kept").hasValue(1);
        }
    }

    static ThumblerException assertStatus(Runnable call, int status, String message) {
        ThumblerException e = (ThumblerException) org.assertj.core.api.Assertions.catchThrowable(call::run);
        assertThat(e).as("expected a ThumblerException").isNotNull();
        assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
        assertThat(e.getMessage()).contains(message);
        return e;
    }
}
