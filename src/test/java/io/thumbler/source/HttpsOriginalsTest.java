package io.thumbler.source;

import static io.thumbler.source.S3FaultsTest.sleep;
import static io.thumbler.source.S3OriginalsTest.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.thumbler.error.ThumblerException;

/** {@link HttpsOriginals} against a loopback HTTPS origin. */
class HttpsOriginalsTest {

    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(1);
    private static final AddressPolicy LOOPBACK_ALLOWED = new AddressPolicy(true, false, false);
    private static final byte[] IMAGE = "GIF89a pretend".getBytes(StandardCharsets.US_ASCII);

    private static LoopbackTls tls;
    /** One origin for the class: stopping a JDK HttpServer takes up to a second. */
    private static ScriptedHttpServer origin;
    private Canary canary;

    @BeforeAll
    static void startOrigin() throws Exception {
        tls = LoopbackTls.get();
        origin = ScriptedHttpServer.https(tls.serverContext());
    }

    @AfterAll
    static void stopOrigin() {
        origin.close();
    }

    @BeforeEach
    void start() throws Exception {
        origin.requests.clear();
        origin.script(exchange -> ScriptedHttpServer.answer(exchange, 200, IMAGE, "ETag", "\"v1\""));
        canary = new Canary();
    }

    @AfterEach
    void stop() throws IOException {
        canary.close();
    }

    private HttpsOriginals originals(AddressPolicy policy, long maxBytes, String... allowed) {
        return originals(policy, maxBytes, InetAddress::getAllByName, allowed);
    }

    private HttpsOriginals originals(AddressPolicy policy, long maxBytes, HostResolver resolver, String... allowed) {
        return originals(policy, maxBytes, DOWNLOAD_TIMEOUT, resolver, allowed);
    }

    private HttpsOriginals originals(AddressPolicy policy, long maxBytes, Duration timeout, HostResolver resolver,
            String... allowed) {
        HttpsSettings settings = new HttpsSettings(AllowedSources.parse(List.of(allowed)), policy, 3, 1, Duration.ofMillis(500));
        return new HttpsOriginals(settings, maxBytes, timeout, tls.clientContext(), resolver);
    }

    /** For the raw TLS origin, whose first handshake can take a second on a busy machine; not a timing test. */
    private HttpsOriginals patientOriginals(int port) {
        return originals(LOOPBACK_ALLOWED, 1000, Duration.ofSeconds(10), InetAddress::getAllByName, "localhost:" + port);
    }

    private HttpsOriginals loopbackOrigin(long maxBytes) {
        return originals(LOOPBACK_ALLOWED, maxBytes, "localhost:" + origin.port());
    }

    private SourceUri at(String path) {
        return SourceUri.parse("https://localhost:" + origin.port() + path);
    }

    @Test
    void anAllowedHostIsFetchedWithItsETagAsVersionAndWithoutCompressionOrProxy() {
        String previous = System.getProperty("https.proxyHost");
        System.setProperty("https.proxyHost", "127.0.0.1");
        System.setProperty("https.proxyPort", String.valueOf(canary.port()));
        try (HttpsOriginals originals = loopbackOrigin(1024)) {
            Original original = originals.fetch(at("/img/cat.gif?size=big"));
            assertThat(original.bytes()).isEqualTo(IMAGE);
            assertThat(original.version()).isEqualTo("\"v1\"");
            assertThat(origin.requests).containsExactly("/img/cat.gif?size=big");
            assertThat(origin.lastHeaders.getFirst("Accept-Encoding")).isEqualTo("identity");
            assertThat(canary.connections()).as("the proxy from the environment was not used").isZero();
        } finally {
            System.clearProperty("https.proxyPort");
            if (previous == null) {
                System.clearProperty("https.proxyHost");
            } else {
                System.setProperty("https.proxyHost", previous);
            }
        }
    }

    @Test
    void theHostMatchesCaseInsensitivelyAndTheVersionFallsBackToLastModifiedThenAHash() {
        origin.script(exchange -> ScriptedHttpServer.answer(exchange, 200, IMAGE, "Last-Modified", "Tue, 01 Apr 2025 10:00:00 GMT"));
        try (HttpsOriginals originals = loopbackOrigin(1024)) {
            Original original = originals.fetch(SourceUri.parse("HTTPS://LOCALHOST:" + origin.port() + "/a.gif"));
            assertThat(original.version()).isEqualTo("last-modified:Tue, 01 Apr 2025 10:00:00 GMT");
            assertThat(original.lastModified()).hasValue(java.time.Instant.parse("2025-04-01T10:00:00Z"));
            origin.script(exchange -> ScriptedHttpServer.answer(exchange, 200, IMAGE));
            assertThat(originals.fetch(at("/a.gif")).version()).startsWith("sha256:").hasSize(7 + 64);
        }
    }

    /** The Content-Type is not trusted either way; the header sniffer decides (422 later). */
    @Test
    void htmlPassesThroughAsBytes() {
        byte[] html = "<html><body>not an image</body></html>".getBytes(StandardCharsets.UTF_8);
        origin.script(exchange -> ScriptedHttpServer.answer(exchange, 200, html, "Content-Type", "text/html"));
        try (HttpsOriginals originals = loopbackOrigin(1024)) {
            assertThat(originals.fetch(at("/page.html")).bytes()).isEqualTo(html);
        }
    }

    /** A gzip body is never inflated: a bomb stays its compressed size. */
    @Test
    void contentEncodingIsNotDecoded() {
        byte[] gzip = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        origin.script(exchange -> ScriptedHttpServer.answer(exchange, 200, gzip, "Content-Encoding", "gzip"));
        try (HttpsOriginals originals = loopbackOrigin(1024)) {
            assertThat(originals.fetch(at("/bomb.gz")).bytes()).isEqualTo(gzip);
        }
    }

    /** Only the exact allowed host passes; nothing is fetched otherwise. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://localhost.evil.example:{port}/a.gif | host 'localhost.evil.example' is not an allowed source",
        "https://evil.example/localhost:{port}/a.gif | host 'evil.example' is not an allowed source",
        "https://127.0.0.1:{port}/a.gif              | host '127.0.0.1' is not an allowed source",
        "https://localhost:{canary}/a.gif            | host 'localhost' is not an allowed source",
        "https://localhost./a.gif                    | host 'localhost.' is not an allowed source"})
    void onlyTheExactAllowedHostAndPortPass(String source, String problem) {
        try (HttpsOriginals originals = loopbackOrigin(1024)) {
            String text = source.replace("{port}", String.valueOf(origin.port())).replace("{canary}", String.valueOf(canary.port()));
            assertStatus(() -> originals.fetch(SourceUri.parse(text)), 404, problem);
        }
        assertThat(origin.requests).isEmpty();
        assertThat(canary.connections()).isZero();
    }

    /** The allow-list names these hosts, and the address policy still refuses them, before any connection. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1:{canary}                | loopback",
        "[::1]:{canary}                    | loopback",
        "[::ffff:127.0.0.1]:{canary}       | loopback",
        "169.254.169.254                   | the cloud metadata address",
        "[fd00:ec2::254]                   | the cloud metadata address",
        "[::ffff:169.254.169.254]          | the cloud metadata address",
        "100.64.0.1                        | a private or carrier-grade NAT address",
        "10.1.2.3                          | a private or carrier-grade NAT address",
        "169.254.10.10                     | link-local",
        "0.0.0.0:{canary}                  | in 0.0.0.0/8",
        "[64:ff9b::7f00:1]                 | a NAT64 address"})
    void refusedAddressesAreNeverDialled(String hostAndPort, String reason) {
        String authority = hostAndPort.replace("{canary}", String.valueOf(canary.port()));
        try (HttpsOriginals originals = originals(AddressPolicy.STRICT, 1024, authority)) {
            long start = System.nanoTime();
            assertStatus(() -> originals.fetch(SourceUri.parse("https://" + authority + "/a.gif")), 404,
                    "resolves to a refused address (" + reason);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no connect was attempted").isLessThan(DOWNLOAD_TIMEOUT);
        }
        assertThat(canary.connections()).isZero();
    }

    /** U20 'localhost.': even when listed, a name that resolves to loopback is refused. */
    @Test
    void aNameResolvingToLoopbackIsRefused() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (HttpsOriginals originals = originals(AddressPolicy.STRICT, 1024, host -> new InetAddress[] {loopback},
                "localhost.:" + canary.port())) {
            assertStatus(() -> originals.fetch(SourceUri.parse("https://localhost.:" + canary.port() + "/a.gif")), 404,
                    "host 'localhost.' resolves to a refused address (loopback)");
        }
        assertThat(canary.connections()).isZero();
    }

    /** DNS answers public to the check and loopback to the connection; the connect-time check refuses. */
    @Test
    void aRebindingAnswerIsCaughtAtConnectTime() throws Exception {
        InetAddress publicAddress = InetAddress.getByName("93.184.216.34");
        try (HttpsOriginals originals = originals(AddressPolicy.STRICT, 1024, host -> new InetAddress[] {publicAddress},
                "localhost:" + canary.port())) {
            assertStatus(() -> originals.fetch(SourceUri.parse("https://localhost:" + canary.port() + "/a.gif")), 404,
                    "host 'localhost' resolves to a refused address (loopback)");
        }
        assertThat(canary.connections()).isZero();
    }

    /** Every redirect hop passes the same checks. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://169.254.169.254/latest/meta-data/ | 404 | (redirected to 'https://169.254.169.254/latest/meta-data/'): host '169.254.169.254' is not an allowed source",
        "https://localhost:{canary}/a.gif          | 404 | host 'localhost' is not an allowed source",
        "http://localhost:{port}/a.gif             | 404 | redirects to 'http://localhost:{port}/a.gif', which is not an https source",
        "https://localhost:{port}/../etc/passwd    | 404 | redirects to an address that is refused"})
    void redirectsAreCheckedPerHop(String location, int status, String problem) {
        String target = location.replace("{port}", String.valueOf(origin.port())).replace("{canary}", String.valueOf(canary.port()));
        origin.script(exchange -> ScriptedHttpServer.answer(exchange, 302, new byte[0], "Location", target));
        try (HttpsOriginals originals = loopbackOrigin(1024)) {
            assertStatus(() -> originals.fetch(at("/start.gif")), status,
                    problem.replace("{port}", String.valueOf(origin.port())));
        }
        assertThat(canary.connections()).isZero();
    }

    @Test
    void aRedirectToAnAllowedHostWhoseAddressIsRefusedIsRefusedAtThatHop() throws Exception {
        InetAddress privateAddress = InetAddress.getByName("10.0.0.7");
        HostResolver resolver = host -> host.equals("internal.example")
                ? new InetAddress[] {privateAddress} : InetAddress.getAllByName(host);
        origin.script(exchange -> ScriptedHttpServer.answer(exchange, 301, new byte[0], "Location", "https://internal.example/x.gif"));
        try (HttpsOriginals originals = originals(LOOPBACK_ALLOWED, 1024, resolver, "localhost:" + origin.port(), "internal.example")) {
            assertStatus(() -> originals.fetch(at("/start.gif")), 404,
                    "(redirected to 'https://internal.example/x.gif'): host 'internal.example' resolves to a refused address");
        }
    }

    @Test
    void redirectsAreFollowedRelativeToTheHop() {
        origin.script(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/old/a.gif")) {
                ScriptedHttpServer.answer(exchange, 308, new byte[0], "Location", "../new/a.gif");
            } else {
                ScriptedHttpServer.answer(exchange, 200, IMAGE);
            }
        });
        try (HttpsOriginals originals = loopbackOrigin(1024)) {
            assertThat(originals.fetch(at("/old/a.gif")).bytes()).isEqualTo(IMAGE);
            assertThat(origin.requests).containsExactly("/old/a.gif", "/new/a.gif");
        }
    }

    @Test
    void aRedirectLoopIs502AfterTheMaximum() {
        origin.script(exchange -> ScriptedHttpServer.answer(exchange, 302, new byte[0], "Location",
                exchange.getRequestURI().getPath().equals("/a.gif") ? "/b.gif" : "/a.gif"));
        try (HttpsOriginals originals = loopbackOrigin(1024)) {
            assertStatus(() -> originals.fetch(at("/a.gif")), 502, "more than 3 redirects (THUMBLER_MAX_REDIRECTS)");
            assertThat(origin.requests).hasSize(4);
        }
    }

    /** A body without a length is counted while it streams. */
    @Test
    void anEndlessBodyIs422OnceTheCapIsPassed() {
        origin.script(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 1000; i++) {
                    out.write(new byte[64 * 1024]);
                }
            } catch (IOException expected) {
                // Thumbler hangs up at the cap
            }
        });
        try (HttpsOriginals originals = loopbackOrigin(100_000)) {
            long start = System.nanoTime();
            assertStatus(() -> originals.fetch(at("/huge.gif")), 422, "is larger than the limit of 100000 bytes");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DOWNLOAD_TIMEOUT);
        }
    }

    @Test
    void aDeclaredLengthOverTheCapIs422BeforeReading() {
        origin.script(exchange -> ScriptedHttpServer.answer(exchange, 200, new byte[5000]));
        try (HttpsOriginals originals = loopbackOrigin(1000)) {
            assertStatus(() -> originals.fetch(at("/big.gif")), 422,
                    "is 5000 bytes according to the origin; the limit is 1000 bytes");
        }
    }

    /**
     * Content-Length 10, then more and a close: Thumbler reads the announced 10 bytes into an array of
     * that size and the JDK ends the stream there, so the announced length (itself checked against the
     * cap) bounds memory whatever follows it; the extra bytes are never read.
     */
    @ParameterizedTest
    @ValueSource(ints = {1048576, 500})
    void aLyingContentLengthIsBoundedByTheAnnouncedLength(int extra) throws Exception {
        try (LyingOrigin liar = new LyingOrigin(tls.serverContext(), 10, 10 + extra);
                HttpsOriginals originals = patientOriginals(liar.port())) {
            assertThat(originals.fetch(SourceUri.parse("https://localhost:" + liar.port() + "/a.gif")).bytes()).hasSize(10);
        }
    }

    @Test
    void aBodyShorterThanAnnouncedIs502() throws Exception {
        try (LyingOrigin liar = new LyingOrigin(tls.serverContext(), 100, 10);
                HttpsOriginals originals = patientOriginals(liar.port())) {
            // TLS may deliver the close as an end of stream or as a reset; either way it is not an original
            ThumblerException e = assertStatus(() -> originals.fetch(SourceUri.parse("https://localhost:" + liar.port() + "/a.gif")),
                    502, "original 'https://localhost:" + liar.port() + "/a.gif'");
            assertThat(e.getMessage()).containsAnyOf("the origin sent 10 of the 100 bytes it announced", "the connection to");
        }
    }

    /** Never answers, trickles a byte at a time, stalls mid-body: all 504 within the deadline. */
    @ParameterizedTest
    @CsvSource({"headers", "trickle", "stall"})
    void aSlowOriginIs504WithinTheDownloadTimeout(String how) {
        origin.script(exchange -> {
            switch (how) {
                case "headers" -> sleep(5000);
                case "trickle" -> {
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    for (int i = 0; i < 50; i++) {
                        out.write('x');
                        out.flush();
                        sleep(100);
                    }
                }
                default -> {
                    exchange.sendResponseHeaders(200, 100);
                    exchange.getResponseBody().write(new byte[10]);
                    exchange.getResponseBody().flush();
                    sleep(5000);
                }
            }
        });
        try (HttpsOriginals originals = loopbackOrigin(1024)) {
            long start = System.nanoTime();
            assertStatus(() -> originals.fetch(at("/slow.gif")), 504, "did not arrive within the download timeout of 1 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DOWNLOAD_TIMEOUT.plusMillis(400));
        }
    }

    @Test
    void fiveHundredsAreRetriedOnceThen502AndMissingIs404() {
        origin.script(exchange -> ScriptedHttpServer.answer(exchange, 503, new byte[0]));
        try (HttpsOriginals originals = loopbackOrigin(1024)) {
            assertStatus(() -> originals.fetch(at("/a.gif")), 502, "the origin answered 503");
            assertThat(origin.requests).hasSize(2);
            origin.script(exchange -> ScriptedHttpServer.answer(exchange, 403, new byte[0]));
            assertStatus(() -> originals.fetch(at("/b.gif")), 404, "original 'https://localhost:" + origin.port() + "/b.gif' not found");
            assertThat(origin.requests).as("a 4xx is not retried").hasSize(3);
        }
    }

    @Test
    void anUntrustedCertificateIs502() {
        HttpsSettings settings = new HttpsSettings(AllowedSources.parse(List.of("localhost:" + origin.port())), LOOPBACK_ALLOWED,
                3, 0, Duration.ofMillis(500));
        try (HttpsOriginals originals = new HttpsOriginals(settings, 1024, DOWNLOAD_TIMEOUT, TrustStores.jdkDefault())) {
            assertStatus(() -> originals.fetch(at("/a.gif")), 502, "the TLS connection to 'localhost:" + origin.port() + "' failed");
        }
    }

    /** A TLS origin that announces one length and sends another. */
    private static final class LyingOrigin implements AutoCloseable {
        private final SSLServerSocket server;

        LyingOrigin(SSLContext context, int announced, int sent) throws IOException {
            server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            Thread t = new Thread(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    byte[] buffer = new byte[8192];
                    StringBuilder head = new StringBuilder();
                    while (!head.toString().contains("\r\n\r\n")) {
                        int n = in.read(buffer);
                        if (n < 0) {
                            return;
                        }
                        head.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    }
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + announced + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.write(new byte[sent]);
                    out.flush();
                    // close_notify now: a plain close of a TLS 1.3 socket can wait for the peer's
                    s.shutdownOutput();
                    s.setSoLinger(true, 0);
                } catch (IOException ignored) {
                    // the client may hang up first
                }
            }, "lying-origin");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
