package io.thumbler.it;

import static io.thumbler.it.ThumblerClient.fresh;
import static io.thumbler.it.ThumblerClient.plainPath;
import static io.thumbler.it.ThumblerClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import org.junit.jupiter.api.Test;

/**
 * What an operator sees of a running Thumbler, read the way their tools read it: the MXBeans over
 * remote JMX from this separate JVM (as JConsole would), the OpenMetrics text, the readiness JSON;
 * and how the listener configured by the pre-boot commands treats clients that never finish a request.
 */
class OperationsIT extends DeployedThumbler {

    private static final String LADYBIRD = "LadyBird.jpg";

    /** {@code http.timeout-seconds} of the pre-boot files: how long the listener waits for a client's next byte. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

    /** {@code http.max-request-headers} of the pre-boot files. */
    private static final int MAX_HEADER_LINES = 50;

    /** Payara's Health and Metrics sit at the server's root, whatever the application's context. */
    private HttpResponse<byte[]> atServerRoot(String pathAndQuery) {
        return client.send(HttpRequest.newBuilder(URI.create(client.base()).resolve(pathAndQuery)).GET());
    }

    @Test
    void mxBeansAreVisibleOverRemoteJmxAndMoveWithRequests() throws Exception {
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(
                "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + System.getProperty("jmx.port") + "/jmxrmi"))) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            ObjectName pool = new ObjectName("io.thumbler:type=RenderPool");
            ObjectName requests = new ObjectName("io.thumbler:type=Requests");
            ObjectName sources = new ObjectName("io.thumbler:type=Sources");
            assertThat(server.queryNames(new ObjectName("io.thumbler:*"), null)).contains(pool, requests, sources);

            long completed = (Long) server.getAttribute(pool, "Completed");
            long total = (Long) server.getAttribute(requests, "Total");
            long clientErrors = (Long) server.getAttribute(requests, "Responses4xx");
            long fetches = (Long) server.getAttribute(sources, "Fetches");
            assertThat(String.valueOf(server.getAttribute(sources, "Circuits"))).as("S3's breaker, S3 being configured here")
                    .contains("s3", "closed");

            // A source no earlier test touched: its first request must fetch it (later ones find
            // its version and bytes in the caches).
            String photo = "ops-" + ThumblerClient.RUN + ".jpg";
            java.nio.file.Files.copy(ServerUnderTest.originals().resolve(LADYBIRD), ServerUnderTest.originals().resolve(photo));
            for (int w : new int[] {64, 96, 128}) {
                HttpResponse<byte[]> r = client.getSigned(plainPath(fresh("w:" + w), photo, "jpg"));
                assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
            }
            assertThat(client.getSigned(plainPath(fresh("w:64"), "no-such-original.jpg", "jpg")).statusCode()).isEqualTo(404);

            assertThat((Long) server.getAttribute(pool, "Completed")).isEqualTo(completed + 3);
            assertThat((Double) server.getAttribute(pool, "RenderMillisP50")).isPositive();
            assertThat((Integer) server.getAttribute(pool, "Concurrency")).isPositive();
            assertThat((Integer) server.getAttribute(pool, "Active")).isZero();
            assertThat((Long) server.getAttribute(requests, "Total")).isEqualTo(total + 4);
            assertThat((Long) server.getAttribute(requests, "Responses4xx")).isEqualTo(clientErrors + 1);
            assertThat((Long) server.getAttribute(sources, "Fetches")).isGreaterThanOrEqualTo(fetches + 1);
            assertThat((Double) server.getAttribute(sources, "FetchMillisP95")).isNotNegative();

            ObjectName build = new ObjectName("io.thumbler:type=Build");
            assertThat((String) server.getAttribute(build, "Version")).matches("\\d+\\.\\d+\\.\\d+.*");
            assertThat((String) server.getAttribute(build, "Commit")).isNotBlank();
            assertThat((String) server.getAttribute(build, "ImageMagick")).startsWith("Version: ImageMagick 6");
            assertThat((String) server.getAttribute(build, "RendererVersion")).matches("[0-9a-f]{16}");
        }
    }

    @Test
    void cacheStatisticsAreReadableAndPurgeIsAnOperationOverRemoteJmx() throws Exception {
        String path = plainPath(fresh("w:72"), LADYBIRD, "jpg");
        assertThat(client.getSigned(path).statusCode()).isEqualTo(200);
        assertThat(client.getSigned(path).headers().firstValue("Server-Timing")).get().asString().contains("cache;desc=hit");

        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(
                "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + System.getProperty("jmx.port") + "/jmxrmi"))) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            ObjectName caches = new ObjectName("io.thumbler:type=Caches");
            assertThat((Boolean) server.getAttribute(caches, "Enabled")).isTrue();
            javax.management.openmbean.CompositeData renditions =
                    (javax.management.openmbean.CompositeData) server.getAttribute(caches, "Renditions");
            assertThat((Long) renditions.get("lookupHits")).isPositive();

            javax.management.MBeanOperationInfo purge = java.util.Arrays.stream(server.getMBeanInfo(caches).getOperations())
                    .filter(o -> o.getName().equals("purgeSource")).findFirst().orElseThrow();
            assertThat(purge.getSignature()[0].getName()).as("a named parameter, not p0").isEqualTo("source");
            assertThat(purge.getDescription()).startsWith("Removes every cached variant");
            Object purged = server.invoke(caches, "purgeSource", new Object[] {"local:///" + LADYBIRD}, new String[] {String.class.getName()});
            assertThat(String.valueOf(purged)).isNotBlank();
        }
        assertThat(client.getSigned(path).headers().firstValue("Server-Timing")).as("purged: rendered again")
                .get().asString().contains("cache;desc=miss");
    }

    @Test
    void metricsCarryTheImgproxyStyleNames() {
        assertThat(client.getSigned(plainPath(fresh("w:80"), LADYBIRD, "png")).statusCode()).isEqualTo(200);

        HttpResponse<byte[]> r = atServerRoot("/metrics?scope=application");
        String metrics = text(r);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(metrics).contains(
                "# TYPE requests_total counter",
                "status_codes_total{mp_scope=\"application\",status=\"200\"}",
                "errors_total{mp_scope=\"application\",type=\"timeout\"}",
                "request_span_duration_seconds_count{mp_scope=\"application\",span=\"processing\"}",
                "request_span_duration_seconds_count{mp_scope=\"application\",span=\"queue\"}",
                "request_span_duration_seconds_count{mp_scope=\"application\",span=\"downloading\"}",
                "request_span_duration_seconds_bucket{le=\"0.5\",mp_scope=\"application\",span=\"processing\"}",
                "download_duration_seconds_count",
                "processing_duration_seconds_bucket{le=\"1\",",
                "queue_duration_seconds_sum",
                "# TYPE workers gauge",
                "workers_utilization{",
                "requests_in_progress{",
                "images_in_progress{",
                "render_queue_length{",
                "cache_hits_total{",
                "cache_misses_total{",
                "build_info{commit=");
        assertThat(metrics).doesNotContainPattern("(?m)^requests_total\\{mp_scope=\"application\"\\} 0\\.0$");
    }

    @Test
    void requestDurationIsAHistogramInSeconds() {
        assertThat(client.getSigned(plainPath(fresh("w:81"), LADYBIRD, "png")).statusCode()).isEqualTo(200);

        String metrics = text(atServerRoot("/metrics?scope=application"));

        // le in seconds, as imgproxy's: a render of a small photo lands below 30 s, and nothing is in nanoseconds
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(?m)^request_duration_seconds_bucket\\{le=\"([^\"]+)\",mp_scope=\"application\"\\} (\\d+)$").matcher(metrics);
        java.util.TreeMap<Double, Long> buckets = new java.util.TreeMap<>();
        while (m.find()) {
            buckets.put(m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1)), Long.parseLong(m.group(2)));
        }
        assertThat(buckets.keySet()).as(metrics).contains(0.005, 0.1, 1.0, 10.0, 30.0, Double.POSITIVE_INFINITY);
        assertThat(buckets.get(30.0)).as("every request so far took less than 30 s").isEqualTo(buckets.get(Double.POSITIVE_INFINITY)).isPositive();
        assertThat(new java.util.ArrayList<>(buckets.values())).as("cumulative").isSorted();
        assertThat(metrics).containsPattern("(?m)^request_duration_seconds_count\\{mp_scope=\"application\"\\} " + buckets.get(Double.POSITIVE_INFINITY) + "$")
                .containsPattern("(?m)^request_duration_seconds_sum\\{mp_scope=\"application\"\\} \\d+\\.\\d+(E-?\\d+)?$")
                .doesNotContain("quantile=");
    }

    @Test
    void anOpenMetricsScraperGetsTheTextAndOthersAPlainTextRefusal() {
        HttpResponse<byte[]> openMetrics = client.send(HttpRequest.newBuilder(URI.create(client.base()).resolve("/metrics?scope=application"))
                .header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8").GET());
        HttpResponse<byte[]> json = client.send(HttpRequest.newBuilder(URI.create(client.base()).resolve("/metrics"))
                .header("Accept", "application/json").GET());

        assertThat(openMetrics.statusCode()).as(text(openMetrics)).isEqualTo(200);
        assertThat(openMetrics.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(text(openMetrics)).contains("requests_total{", "request_duration_seconds_bucket{");
        assertThat(json.statusCode()).isEqualTo(406);
        assertThat(json.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(text(json)).contains("Accept: application/json").doesNotContain("<html", "Payara");
    }

    @Test
    void noEndpointListIsPublished() {
        HttpResponse<byte[]> wadl = atServerRoot("/application.wadl");
        HttpResponse<byte[]> openapi = atServerRoot("/openapi");
        HttpResponse<byte[]> options = client.send(HttpRequest.newBuilder(URI.create(client.base()
                + "/sig/rs:fit:10:10/plain/local:%2F%2F%2FLadyBird.jpg")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(wadl.statusCode()).isEqualTo(404);
        assertThat(openapi.statusCode()).as(text(openapi)).isNotEqualTo(200);
        assertThat(text(openapi)).doesNotContain("/admin/cache");
        assertThat(text(options)).doesNotContain("<application", "/admin/cache");
    }

    @Test
    void readinessListsEveryCheckWithItsReason() {
        HttpResponse<byte[]> r = atServerRoot("/health/ready");

        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(text(r)).contains("\"name\":\"imagemagick\"", "\"name\":\"temp-dir\"", "\"name\":\"render-pool\"",
                "\"reason\":\"writable\"", "\"reason\":\"accepting renders\"", "\"name\":\"caches\"", "\"state\":\"open: disk tier in ");
    }

    @Test
    void slowClientsAreClosedAfterTheIdleTimeoutWhileHealthAndImagesAnswer() throws Exception {
        String image = plainPath(fresh("w:90"), LADYBIRD, "jpg");
        assertThat(client.getSigned(image).statusCode()).isEqualTo(200);
        long payara = payaraPid();
        long fdsBefore = openFiles(payara);
        int slow = 300;

        List<Duration> closed;
        try (SlowClients clients = SlowClients.open(URI.create(client.base()), slow)) {
            assertThat(openFilesWithin(payara, n -> n >= fdsBefore + slow - 20)).as("one descriptor per held connection")
                    .isGreaterThanOrEqualTo(fdsBefore + slow - 20);
            for (int round = 0; round < 3; round++) {
                assertAnswersPromptly("/health/live");
                HttpResponse<byte[]> hit = assertAnswersPromptly(client.signed(image));
                assertThat(hit.headers().firstValue("Server-Timing")).get().asString().contains("cache;desc=hit");
                Thread.sleep(2000);
            }
            closed = clients.awaitClosedByServer(IDLE_TIMEOUT.plusSeconds(6));
        }

        // With Grizzly's default idle timeout (30 s) none is closed within this limit.
        assertThat(closed).as("connections the server closed within %s of their last byte", IDLE_TIMEOUT.plusSeconds(6)).hasSize(slow);
        assertThat(closed).as("closed by the idle timeout, not before it").allMatch(d -> d.compareTo(IDLE_TIMEOUT.minusMillis(500)) > 0);
        assertThat(openFilesWithin(payara, n -> n < fdsBefore + 20)).as("descriptors given back").isLessThan(fdsBefore + 20);
    }

    @Test
    void aHeaderTrickledFasterThanTheIdleTimeoutEndsAtTheHeaderLineLimit() throws Exception {
        URI base = URI.create(client.base());
        assertThat(statusAfterHeaderLines(base, MAX_HEADER_LINES, true)).as("a complete request with the most header lines allowed")
                .startsWith("HTTP/1.1 200");

        // One line every 100 ms: each restarts the idle clock, only the line count ends it (Grizzly's default is 100).
        assertThat(statusAfterHeaderLines(base, MAX_HEADER_LINES + 1, false)).as("a header that never ends").startsWith("HTTP/1.1 400");
    }

    /**
     * Sends a GET of {@code /health/live} with {@code lines} header lines (Host included), one every
     * 100 ms, finishing the header only when {@code complete}, and returns the status line answered.
     */
    private static String statusAfterHeaderLines(URI base, int lines, boolean complete) throws IOException, InterruptedException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /health/live HTTP/1.1\r\nHost: " + base.getHost() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int i = 1; i < lines; i++) {
                Thread.sleep(100);
                out.write(("X-Line-" + i + ": trickled\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            if (complete) {
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
            return status == null ? "(closed without an answer)" : status;
        } catch (SocketTimeoutException e) {
            return "(no answer within 10 s)";
        }
    }

    private HttpResponse<byte[]> assertAnswersPromptly(String rawPathAndQuery) {
        long start = System.nanoTime();
        HttpResponse<byte[]> r = client.get(rawPathAndQuery);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(r.statusCode()).as(rawPathAndQuery + ": " + text(r)).isEqualTo(200);
        assertThat(took).as(rawPathAndQuery + " while slow clients hold connections").isLessThan(Duration.ofSeconds(2));
        return r;
    }

    /** The Payara Micro of this test run: the JVM whose JMX port is the one reserved for it. */
    private static long payaraPid() {
        String marker = "-Dcom.sun.management.jmxremote.port=" + System.getProperty("jmx.port");
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(marker)).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no process started with " + marker)).pid();
    }

    /** The process's open file count once it satisfies {@code wanted}, or after 5 s. */
    private static long openFilesWithin(long pid, LongPredicate wanted) throws IOException, InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long n = openFiles(pid);
        while (!wanted.test(n) && System.nanoTime() < until) {
            Thread.sleep(100);
            n = openFiles(pid);
        }
        return n;
    }

    private static long openFiles(long pid) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.count();
        }
    }
}
