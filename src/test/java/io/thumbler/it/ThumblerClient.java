package io.thumbler.it;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.thumbler.security.SigningKey;
import io.thumbler.security.UrlSigner;

/**
 * Speaks imgproxy URLs to a deployed Thumbler over real HTTP, signing them the way any imgproxy URL
 * builder does (the test deployment is configured with these key/salt pairs).
 */
final class ThumblerClient {

    static final SigningKey KEY = SigningKey.fromHex("736563726574", "68656c6c6f");
    static final SigningKey ROTATED_KEY = SigningKey.fromHex("7468756d626c6572", "73616c74");

    private final String base;
    private final UrlSigner signer = new UrlSigner(List.of(KEY), 32);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ThumblerClient(URL deployment) {
        // Payara reports its URL with the machine's host name; the test server listens on loopback only.
        String b = deployment.toString().replaceFirst("^http://[^:/]+", "http://127.0.0.1");
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    /** Different in every test JVM, so variants cached on disk by an earlier run or class never answer for this one. */
    static final String RUN = Long.toString(System.currentTimeMillis(), 36) + Long.toString(System.nanoTime() & 0xffff, 36);

    /** {@code options} behind a cachebuster unique to this run: the first request of it is a miss. */
    static String fresh(String options) {
        return "cb:" + RUN + "/" + options;
    }

    /** {@code /…/plain/local:///{file}@{ext}} with the given options, percent-encoding the source. */
    static String plainPath(String options, String file, String ext) {
        String source = URLEncoder.encode("local:///" + file, StandardCharsets.UTF_8);
        return (options.isEmpty() ? "" : "/" + options) + "/plain/" + source + (ext == null ? "" : "@" + ext);
    }

    HttpResponse<byte[]> getSigned(String path) {
        return get(signed(path));
    }

    /** {@code path} with its signature in front, as a client sends it. */
    String signed(String path) {
        return "/" + signer.sign(path) + path;
    }

    /**
     * The status line of a GET, read from a raw socket: Java's HTTP client hides the reason phrase.
     */
    String statusLine(String rawPathAndQuery) throws IOException {
        URI uri = URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(("GET " + uri.getRawPath() + rawPathAndQuery + " HTTP/1.1\r\nHost: " + uri.getHost()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            return in.readLine();
        }
    }

    HttpResponse<byte[]> getSignedWith(UrlSigner otherSigner, String path) {
        return get("/" + otherSigner.sign(path) + path);
    }

    HttpResponse<byte[]> get(String rawPathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base + rawPathAndQuery)).GET());
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        try {
            try {
                return http.send(built, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException stale) {
                // The server closes a connection idle for 10 s; a request sent on a pooled one just as
                // it closes fails (EOF, broken pipe). Browsers and CloudFront send an idempotent
                // request once more on a new connection; so does this client, once.
                if (!built.method().equals("GET") && !built.method().equals("HEAD")) {
                    throw stale;
                }
                return http.send(built, HttpResponse.BodyHandlers.ofByteArray());
            }
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String base() {
        return base;
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
