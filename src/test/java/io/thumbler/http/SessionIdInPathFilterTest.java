package io.thumbler.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SessionIdInPathFilterTest {

    private final AtomicInteger passedOn = new AtomicInteger();

    private ServletFakes.Response send(String uri) throws Exception {
        ServletFakes.Response response = new ServletFakes.Response();
        new SessionIdInPathFilter().doFilter(ServletFakes.request("GET", uri, Map.of(), new HashMap<>()), response.servlet,
                (req, res) -> passedOn.incrementAndGet());
        return response;
    }

    @Test
    void aPathThatCarriedASessionIdIs403NoStore() throws Exception {
        ServletFakes.Response r = send("/sig/w:100/plain/local%3A%2F%2F%2Fa.jpg@jpg;jsessionid=abc");
        assertThat(r.status).isEqualTo(403);
        assertThat(r.headers).containsEntry("Cache-Control", "no-store");
        assertThat(r.text.toString()).contains(";jsessionid=");
        assertThat(passedOn).hasValue(0);
    }

    @Test
    void otherPathsPassAsTheyAre() throws Exception {
        send("/sig/w:100/plain/local%3A%2F%2F%2Fa.jpg@jpg");
        send("/sig/w:100/plain/local%3A%2F%2F%2Fa.jpg@jpg;JSESSIONID=abc");
        assertThat(passedOn).hasValue(2);
    }
}
