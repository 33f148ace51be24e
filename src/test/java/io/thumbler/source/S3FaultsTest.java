package io.thumbler.source;

import static io.thumbler.source.S3OriginalsTest.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


/**
 * {@link S3Originals} against a scripted loopback S3: hangs, 500s, a dead port, a truncated body,
 * versioned answers. Each test is bounded by the deadlines it proves.
 */
class S3FaultsTest {

    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(500);
    private static final SourceUri CAT = SourceUri.parse("s3://originals/cat.jpg");

    private ScriptedHttpServer s3;

    @BeforeEach
    void start() throws IOException {
        System.setProperty("aws.disableEc2Metadata", "true");
        s3 = new ScriptedHttpServer();
    }

    @AfterEach
    void stop() {
        s3.close();
    }

    private S3Originals originals(URI endpoint, int retries, int breakerFailures, Duration breakerOpenFor, long maxBytes) {
        S3Settings settings = new S3Settings(Set.of("originals"), Optional.of("us-east-1"), Optional.of(endpoint), true,
                Optional.of("access"), Optional.of("secret"), Duration.ofMillis(300), ATTEMPT_TIMEOUT, retries,
                breakerFailures, breakerOpenFor);
        return new S3Originals(settings, maxBytes, DOWNLOAD_TIMEOUT);
    }

    @Test
    void anS3ThatNeverAnswersIs504WithinTheDownloadTimeout() {
        s3.hang();
        try (S3Originals originals = originals(s3.base(), 2, 5, Duration.ofSeconds(10), 1024)) {
            long start = System.nanoTime();
            assertStatus(() -> originals.fetch(CAT), 504, "original 's3://originals/cat.jpg': S3 did not answer in time");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        }
    }

    /** A stalled body is cut by the socket read timeout, which is the attempt timeout. */
    @Test
    void aBodyThatStallsIs504WithinTheDownloadTimeoutPlusOneAttemptTimeout() {
        s3.script(exchange -> {
            exchange.sendResponseHeaders(200, 100);
            OutputStream out = exchange.getResponseBody();
            out.write(new byte[10]);
            out.flush();
            sleep(5000);
        });
        try (S3Originals originals = originals(s3.base(), 0, 5, Duration.ofSeconds(10), 1024)) {
            long start = System.nanoTime();
            assertStatus(() -> originals.fetch(CAT), 504, "original 's3://originals/cat.jpg' did not arrive within the download timeout of 1 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DOWNLOAD_TIMEOUT.plus(ATTEMPT_TIMEOUT).plusMillis(400));
        }
    }

    @Test
    void aSpentInFlightBudgetIs503ForTheRequestAndNeverOpensTheCircuit() {
        s3.script(exchange -> {
            exchange.sendResponseHeaders(200, 100);
            exchange.getResponseBody().write(new byte[100]);
            exchange.close();
        });
        OriginalsInFlight inFlight = new OriginalsInFlight(150);
        try (S3Originals originals = originals(s3.base(), 0, 2, Duration.ofSeconds(60), 1024);
                Original held = originals.fetch(CAT, inFlight)) {
            for (int i = 0; i < 4; i++) { // twice the breaker's failure count
                assertStatus(() -> originals.fetch(CAT, inFlight), 503, "the server is busy: originals being read");
            }
            held.close();
            try (Original again = originals.fetch(CAT, inFlight)) {
                assertThat(again.bytes()).as("S3 is still called: the circuit stayed closed").hasSize(100);
            }
            assertThat(inFlight.held()).isZero();
        }
    }

    @Test
    void aTruncatedBodyIs502() {
        s3.script(exchange -> {
            exchange.sendResponseHeaders(200, 100);
            exchange.getResponseBody().write(new byte[10]);
            exchange.getResponseBody().flush();
            exchange.getHttpContext().getServer(); // then the exchange closes: the connection ends 90 bytes short
        });
        try (S3Originals originals = originals(s3.base(), 0, 5, Duration.ofSeconds(10), 1024)) {
            assertStatus(() -> originals.fetch(CAT), 502, "original 's3://originals/cat.jpg': S3 sent 10 of the 100 bytes it announced");
        }
    }

    @Test
    void fiveHundredsAreRetriedThenOpenTheCircuitThen503WithoutCallingS3ThenATrialCloses() {
        s3.script(exchange -> ScriptedHttpServer.answer(exchange, 500, "<Error><Code>InternalError</Code></Error>"
                .getBytes(StandardCharsets.UTF_8), "Content-Type", "application/xml"));
        try (S3Originals originals = originals(s3.base(), 1, 2, Duration.ofMillis(400), 1024)) {
            assertStatus(() -> originals.fetch(CAT), 502, "original 's3://originals/cat.jpg': S3 answered 500");
            assertThat(s3.requests).as("one retry per fetch").hasSize(2);
            assertStatus(() -> originals.fetch(CAT), 502, "S3 answered 500");
            assertThat(s3.requests).hasSize(4);

            long start = System.nanoTime();
            assertStatus(() -> originals.fetch(CAT), 503, "original 's3://originals/cat.jpg': S3 is failing and is not being called for 1 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100));
            assertThat(s3.requests).as("an open circuit does not call S3").hasSize(4);

            sleep(450);
            s3.script(exchange -> ScriptedHttpServer.answer(exchange, 200, "cat".getBytes(StandardCharsets.UTF_8),
                    "ETag", "\"abc\""));
            assertThat(originals.fetch(CAT).bytes()).asString(StandardCharsets.UTF_8).isEqualTo("cat");
            assertThat(originals.fetch(CAT).version()).isEqualTo("abc");
        }
    }

    @Test
    void notFoundAnswersDoNotOpenTheCircuit() {
        s3.script(exchange -> ScriptedHttpServer.answer(exchange, 404, "<Error><Code>NoSuchKey</Code></Error>"
                .getBytes(StandardCharsets.UTF_8), "Content-Type", "application/xml"));
        try (S3Originals originals = originals(s3.base(), 0, 1, Duration.ofSeconds(10), 1024)) {
            for (int i = 0; i < 3; i++) {
                assertStatus(() -> originals.fetch(CAT), 404, "not found");
            }
            assertThat(s3.requests).hasSize(3);
        }
    }

    @Test
    void aDeadPortIsAFast502() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (S3Originals originals = originals(URI.create("http://127.0.0.1:" + port), 1, 5, Duration.ofSeconds(10), 1024)) {
            long start = System.nanoTime();
            assertStatus(() -> originals.fetch(CAT), 502, "S3 could not be reached");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void aVersionIsAskedForByQueryAndTheVersionIdIsTheVersion() {
        s3.script(exchange -> ScriptedHttpServer.answer(exchange, 200, "old cat".getBytes(StandardCharsets.UTF_8),
                "ETag", "\"etag-of-old\"", "x-amz-version-id", "v1.old", "Last-Modified", "Tue, 01 Apr 2025 10:00:00 GMT"));
        try (S3Originals originals = originals(s3.base(), 0, 5, Duration.ofSeconds(10), 1024)) {
            Original original = originals.fetch(SourceUri.parse("s3://originals/cat.jpg?versionId=v1.old"));
            assertThat(original.version()).isEqualTo("v1.old");
            assertThat(original.lastModified()).hasValue(java.time.Instant.parse("2025-04-01T10:00:00Z"));
            assertThat(s3.requests).singleElement().asString().startsWith("/originals/cat.jpg?").contains("versionId=v1.old");
        }
    }

    @Test
    void aBodyWithoutLengthIsCountedWhileReading() {
        s3.script(exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: S3 announces nothing
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 64; i++) {
                    out.write(new byte[1024]);
                }
            } catch (IOException expected) {
                // the client hangs up once it has seen enough
            }
        });
        try (S3Originals originals = originals(s3.base(), 0, 5, Duration.ofSeconds(10), 2000)) {
            assertStatus(() -> originals.fetch(CAT), 422,
                    "original 's3://originals/cat.jpg' is larger than the limit of 2000 bytes");
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
