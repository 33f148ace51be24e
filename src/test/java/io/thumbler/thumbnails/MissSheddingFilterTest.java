package io.thumbler.thumbnails;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;

import org.junit.jupiter.api.Test;

import io.thumbler.http.ServletFakes;
import io.thumbler.render.RenderOverloadedException;

/** Shedding sure misses before JAX-RS while the render pool is full; everything else passes on. */
class MissSheddingFilterTest {

    private static final String URL = "/sig/rs:fit:100:100/plain/local%3A%2F%2F%2Fa.jpg@jpg";

    private final AtomicBoolean saturated = new AtomicBoolean(true);
    private final AtomicBoolean miss = new AtomicBoolean(true);
    private final List<String> asked = new ArrayList<>();
    private final AtomicInteger passedOn = new AtomicInteger();
    private final FilterChain jaxRs = (req, res) -> passedOn.incrementAndGet();
    private final MissSheddingFilter filter = new MissSheddingFilter(saturated::get,
            () -> {
                if (saturated.get()) {
                    throw new RenderOverloadedException("the server is busy: all 2 render slots and 32 queue places are taken", 5);
                }
            },
            (signature, path, accept) -> {
                asked.add(signature + " " + path + " " + accept);
                return miss.get();
            });

    private ServletFakes.Response send(String method) throws Exception {
        ServletFakes.Response response = new ServletFakes.Response();
        filter.doFilter(ServletFakes.request(method, URL, Map.of("Accept", "image/webp"), new HashMap<>()), response.servlet, jaxRs);
        return response;
    }

    @Test
    void aSureMissWhileTheRenderPoolIsFullGetsThePoolsRefusalWithoutJaxRs() throws Exception {
        ServletFakes.Response r = send("GET");

        assertThat(passedOn).hasValue(0);
        assertThat(asked).containsExactly("sig /rs:fit:100:100/plain/local%3A%2F%2F%2Fa.jpg@jpg image/webp");
        assertThat(r.status).isEqualTo(503);
        assertThat(r.headers).containsEntry("Retry-After", "5").containsEntry("Cache-Control", "no-store")
                .containsEntry("X-Content-Type-Options", "nosniff").containsEntry("Content-Type", "text/plain;charset=UTF-8");
        assertThat(r.body.toString(StandardCharsets.UTF_8))
                .isEqualTo("the server is busy: all 2 render slots and 32 queue places are taken\n");
    }

    @Test
    void withRoomInThePoolNothingIsCheckedAndEverythingPassesOn() throws Exception {
        saturated.set(false);
        send("GET");
        assertThat(passedOn).hasValue(1);
        assertThat(asked).as("not even the URL is looked at").isEmpty();
    }

    @Test
    void aCachedVariantOrAnyUncertainRequestPassesOnEvenWhenThePoolIsFull() throws Exception {
        miss.set(false);
        ServletFakes.Response r = send("GET");
        assertThat(passedOn).hasValue(1);
        assertThat(r.status).isEqualTo(200);
    }

    @Test
    void onlyGetAndHeadAreShed() throws Exception {
        send("POST");
        assertThat(passedOn).hasValue(1);
        assertThat(send("HEAD").status).isEqualTo(503);
    }
}
