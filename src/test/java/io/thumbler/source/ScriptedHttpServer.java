package io.thumbler.source;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP(S) server whose answers a test scripts: an S3 that fails, hangs or answers with
 * a version; an HTTPS origin that redirects, lies or trickles. Records every request's path and
 * query, and the last request's headers.
 */
class ScriptedHttpServer implements AutoCloseable {

    final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-origin");
        t.setDaemon(true);
        return t;
    });
    private final HttpServer server;
    volatile com.sun.net.httpserver.Headers lastHeaders;
    private volatile HttpHandler script = exchange -> answer(exchange, 200, new byte[0]);

    ScriptedHttpServer() throws IOException {
        this(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50));
    }

    ScriptedHttpServer(HttpServer server) {
        this.server = server;
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            lastHeaders = exchange.getRequestHeaders();
            try {
                script.handle(exchange);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** The same over TLS, with the given server context. */
    static ScriptedHttpServer https(javax.net.ssl.SSLContext tls) throws IOException {
        com.sun.net.httpserver.HttpsServer server =
                com.sun.net.httpserver.HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
        return new ScriptedHttpServer(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port());
    }

    void script(HttpHandler handler) {
        this.script = handler;
    }

    /** Accepts the request and never answers, until the server closes. */
    void hang() {
        script(exchange -> {
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    static void answer(HttpExchange exchange, int status, byte[] body, String... headers) throws IOException {
        for (int i = 0; i < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
