package io.thumbler.edge;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * CloudFront's CreateInvalidation on loopback: records each call (distribution, caller reference,
 * paths, whether it was signed) and answers 201 with an invalidation as CloudFront does, or, when
 * told to, refuses with CloudFront's error for too many invalidations in progress. Never the real
 * service.
 */
public final class RecordingCloudFront implements AutoCloseable {

    /** One CreateInvalidation call as it arrived. */
    public record Call(String distributionId, String callerReference, List<String> paths, boolean signed) {
    }

    private static final Pattern INVALIDATION = Pattern.compile("/2020-05-31/distribution/([^/]+)/invalidation");
    private static final Pattern PATH = Pattern.compile("<Path>(.*?)</Path>", Pattern.DOTALL);
    private static final Pattern REFERENCE = Pattern.compile("<CallerReference>(.*?)</CallerReference>", Pattern.DOTALL);

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean refuse;

    public RecordingCloudFront() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Requests that were not a CreateInvalidation. */
    public List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    /** From now on, answer as CloudFront does when 3000 paths are in progress already. */
    public void refuseWithTooManyInProgress() {
        refuse = true;
    }

    /** Waits until {@code count} calls arrived. */
    public List<Call> awaitCalls(int count, Duration patience) throws InterruptedException {
        long until = System.nanoTime() + patience.toNanos();
        while (calls.size() < count && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        return calls();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = INVALIDATION.matcher(exchange.getRequestURI().getPath());
            if (!"POST".equals(exchange.getRequestMethod()) || !m.matches()) {
                unexpected.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                answer(exchange, 404, "<ErrorResponse><Error><Code>NoSuchResource</Code></Error></ErrorResponse>");
                return;
            }
            if (refuse) {
                answer(exchange, 400, "<ErrorResponse xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Error><Type>Sender</Type>"
                        + "<Code>TooManyInvalidationsInProgress</Code><Message>Processing your request will cause you to exceed the "
                        + "maximum number of invalidations in progress.</Message></Error><RequestId>r1</RequestId></ErrorResponse>");
                return;
            }
            List<String> paths = new ArrayList<>();
            Matcher p = PATH.matcher(body);
            while (p.find()) {
                paths.add(unescape(p.group(1)));
            }
            Matcher r = REFERENCE.matcher(body);
            String reference = r.find() ? unescape(r.group(1)) : "";
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            calls.add(new Call(m.group(1), reference, paths,
                    authorization != null && authorization.startsWith("AWS4-HMAC-SHA256")));
            String id = "I" + ids.incrementAndGet();
            exchange.getResponseHeaders().add("Location", endpoint() + m.group() + "/" + id);
            answer(exchange, 201, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Invalidation xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Id>" + id + "</Id>"
                    + "<Status>InProgress</Status><CreateTime>2026-01-01T00:00:00Z</CreateTime>"
                    + "<InvalidationBatch>" + body.substring(body.indexOf("<Paths>"), body.lastIndexOf("</InvalidationBatch>"))
                    + "</InvalidationBatch></Invalidation>");
        }
    }

    private static void answer(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&#x0D;", "\r").replace("&#x0A;", "\n").replace("&amp;", "&");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
