package io.thumbler.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

import io.thumbler.http.ServletFakes;
import io.thumbler.ops.MetricsAcceptFilter.Outcome;

class MetricsAcceptFilterTest {

    /** What Prometheus 3 sends by default. */
    private static final String PROMETHEUS = "application/openmetrics-text;version=1.0.0;q=0.6,application/openmetrics-text;version=0.0.1;q=0.5,"
            + "text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2";

    @Test
    void whatPayaraServesPassesAsItIs() {
        assertThat(MetricsAcceptFilter.negotiate(null)).isEqualTo(Outcome.AS_IS);
        assertThat(MetricsAcceptFilter.negotiate("text/plain")).isEqualTo(Outcome.AS_IS);
        assertThat(MetricsAcceptFilter.negotiate("text/plain;version=0.0.4")).isEqualTo(Outcome.AS_IS);
        assertThat(MetricsAcceptFilter.negotiate("*/*")).isEqualTo(Outcome.AS_IS);
        assertThat(MetricsAcceptFilter.negotiate(PROMETHEUS)).isEqualTo(Outcome.AS_IS);
    }

    @Test
    void openMetricsAloneIsServedTheText() {
        assertThat(MetricsAcceptFilter.negotiate("application/openmetrics-text")).isEqualTo(Outcome.TEXT_INSTEAD);
        assertThat(MetricsAcceptFilter.negotiate("application/openmetrics-text; version=1.0.0; charset=utf-8")).isEqualTo(Outcome.TEXT_INSTEAD);
        assertThat(MetricsAcceptFilter.negotiate("application/openmetrics-text, text/plain;q=0")).isEqualTo(Outcome.TEXT_INSTEAD);
    }

    @Test
    void neitherIsNotAcceptable() {
        assertThat(MetricsAcceptFilter.negotiate("application/json")).isEqualTo(Outcome.NOT_ACCEPTABLE);
        assertThat(MetricsAcceptFilter.negotiate("text/plain;q=0")).isEqualTo(Outcome.NOT_ACCEPTABLE);
    }

    @Test
    void anOpenMetricsRequestReachesPayaraAskingForText() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        ServletFakes.Response response = new ServletFakes.Response();
        HttpServletRequest request = ServletFakes.request("GET", "/metrics", Map.of("Accept", "application/openmetrics-text"), new HashMap<>());

        new MetricsAcceptFilter().doFilter(request, response.servlet, (req, res) -> seen.set(((HttpServletRequest) req).getHeader("accept")));

        assertThat(seen.get()).isEqualTo("text/plain");
        assertThat(response.status).isEqualTo(200);
    }

    @Test
    void errorsComeOutAsPlainTextNotTheServersHtmlPage() throws Exception {
        ServletFakes.Response response = new ServletFakes.Response();
        HttpServletRequest request = ServletFakes.request("GET", "/metrics", Map.of(), new HashMap<>());

        new MetricsAcceptFilter().doFilter(request, response.servlet,
                (req, res) -> ((HttpServletResponse) res).sendError(404, "[nosuch] registry not found"));

        assertThat(response.status).isEqualTo(404);
        assertThat(response.headers).containsEntry("Content-Type", "text/plain;charset=UTF-8");
        assertThat(response.text.toString()).isEqualTo("[nosuch] registry not found\n");
    }

    @Test
    void anUnacceptableRequestGetsA406NamingItsAccept() throws Exception {
        ServletFakes.Response response = new ServletFakes.Response();
        HttpServletRequest request = ServletFakes.request("GET", "/metrics", Map.of("Accept", "application/json"), new HashMap<>());

        new MetricsAcceptFilter().doFilter(request, response.servlet, (req, res) -> {
            throw new AssertionError("not passed on");
        });

        assertThat(response.status).isEqualTo(406);
        assertThat(response.text.toString()).contains("Accept: application/json", "text/plain").doesNotContain("<html");
    }
}
