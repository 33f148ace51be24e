package io.thumbler.it;

import static io.thumbler.it.ThumblerClient.fresh;
import static io.thumbler.it.ThumblerClient.plainPath;
import static io.thumbler.it.ThumblerClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import org.junit.jupiter.api.Test;

/**
 * What an operator sees of a running Thumbler, read the way their tools read it: the MXBeans over
 * remote JMX from this separate JVM (as JConsole would), the OpenMetrics text, the readiness JSON.
 */
class OperationsIT extends DeployedThumbler {

    private static final String LADYBIRD = "LadyBird.jpg";

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
}
