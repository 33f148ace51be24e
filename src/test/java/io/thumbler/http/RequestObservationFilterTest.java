package io.thumbler.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.servlet.http.HttpServletResponse;

class RequestObservationFilterTest {

    private final List<String> lines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final List<RequestCompleted> completed = new ArrayList<>();
    private final RequestsInFlight inFlight = new RequestsInFlight();

    @BeforeEach
    void captureAccessLog() {
        RequestObservationFilter.ACCESS_LOG.addHandler(capture);
    }

    @AfterEach
    void release() {
        RequestObservationFilter.ACCESS_LOG.removeHandler(capture);
    }

    @Test
    void logsOneLineWithBytesTimingsAndCacheStatusAndCountsInFlight() throws Exception {
        RequestObservationFilter filter = new RequestObservationFilter(AccessLogFormat.TEXT, RequestObservationFilter.ACCESS_LOG::info,
                inFlight, completed::add, () -> { }, () -> 1_796_078_400_466L);
        Map<String, Object> attributes = new HashMap<>();
        ServletFakes.Response response = new ServletFakes.Response();
        List<Integer> inFlightDuring = new ArrayList<>();

        filter.doFilter(ServletFakes.request("GET", "/SIGNATURE/w:100/plain/local%3A%2F%2F%2Fa.jpg@png",
                        Map.of("X-Forwarded-For", "203.0.113.7", "User-Agent", "curl/8.5", "X-Amz-Cf-Id", "cf-123=="), attributes),
                response.servlet, (req, res) -> {
                    inFlightDuring.add(inFlight.count());
                    RequestTimings timings = new RequestTimings();
                    timings.add("fetch", 2.0);
                    timings.add("render", 50.0);
                    timings.cacheStatus("miss");
                    req.setAttribute(RequestTimings.ATTRIBUTE, timings);
                    ((HttpServletResponse) res).setStatus(200);
                    res.getOutputStream().write(new byte[1234]);
                });

        assertThat(inFlightDuring).containsExactly(1);
        assertThat(inFlight.count()).isZero();
        assertThat(response.body.size()).isEqualTo(1234);
        assertThat(lines).singleElement().asString()
                .startsWith("time=2026-11-30T22:40:00.466Z client=127.0.0.1 forwarded=203.0.113.7"
                        + " method=GET path=/w:100/plain/local%3A%2F%2F%2Fa.jpg@png status=200 bytes=1234 cache=miss"
                        + " fetch_ms=2.0 render_ms=50.0 total_ms=")
                .endsWith(" request_id=cf-123== ua=\"curl/8.5\"");
        assertThat(completed).singleElement().satisfies(r -> {
            assertThat(r.fetched()).isTrue();
            assertThat(r.rendered()).isTrue();
            assertThat(r.statusClass()).isEqualTo("2xx");
        });
    }

    @Test
    void aFailingChainIsStillLoggedAndCounted() {
        RequestObservationFilter filter = new RequestObservationFilter(AccessLogFormat.JSON, RequestObservationFilter.ACCESS_LOG::info, inFlight, completed::add);
        ServletFakes.Response response = new ServletFakes.Response();
        try {
            filter.doFilter(ServletFakes.request("GET", "/x/y", Map.of(), new HashMap<>()), response.servlet, (req, res) -> {
                ((HttpServletResponse) res).setStatus(500);
                throw new IllegalStateException("boom");
            });
        } catch (Exception expected) {
            assertThat(expected).hasMessage("boom");
        }
        assertThat(inFlight.count()).isZero();
        assertThat(lines).singleElement().asString().contains("\"client\":\"127.0.0.1\",\"forwarded\":null,\"method\":\"GET\",\"path\":\"/y\",\"status\":500,\"bytes\":0,\"cache\":null")
                .endsWith("\"request_id\":null,\"ua\":null}");
        assertThat(completed).hasSize(1);
    }

    @Test
    void payarasOwnEndpointsAreNeitherLoggedNorCounted() throws Exception {
        RequestObservationFilter filter = new RequestObservationFilter(AccessLogFormat.TEXT, RequestObservationFilter.ACCESS_LOG::info, inFlight, completed::add);
        AtomicBoolean served = new AtomicBoolean();
        filter.doFilter(ServletFakes.request("GET", "/health/ready", Map.of(), new HashMap<>()), new ServletFakes.Response().servlet,
                (req, res) -> served.set(true));
        assertThat(served).isTrue();
        assertThat(lines).isEmpty();
        assertThat(completed).isEmpty();
    }

    @Test
    void offLogsNothingButStillCounts() throws Exception {
        RequestObservationFilter filter = new RequestObservationFilter(AccessLogFormat.OFF, RequestObservationFilter.ACCESS_LOG::info, inFlight, completed::add);
        filter.doFilter(ServletFakes.request("HEAD", "/a/b", Map.of(), new HashMap<>()), new ServletFakes.Response().servlet, (req, res) -> { });
        assertThat(lines).isEmpty();
        assertThat(completed).hasSize(1);
    }
}
