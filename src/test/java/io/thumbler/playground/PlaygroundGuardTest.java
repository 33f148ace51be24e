package io.thumbler.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

import io.thumbler.config.ConfigReader;
import io.thumbler.config.InvalidConfigurationException;

/**
 * The playground switched off, which the ITs cannot show: they share one configuration, with the
 * playground on. The guard is the only code that reads the switch, so this covers "off → 404" for
 * the page and every endpoint under {@code /playground}.
 */
class PlaygroundGuardTest {

    @Test
    void offUnlessConfigured() throws Exception {
        Exchange e = run(Map.of());

        assertThat(e.passedOn).isFalse();
        assertThat(e.status).isEqualTo(404);
        assertThat(e.body()).isEqualTo("Not Found\n");
        assertThat(e.headers).containsEntry("Content-Type", "text/plain;charset=UTF-8");
    }

    @Test
    void offWhenSetToFalse() throws Exception {
        Exchange e = run(Map.of("thumbler.playground", "false"));

        assertThat(e.passedOn).isFalse();
        assertThat(e.status).isEqualTo(404);
    }

    @Test
    void onLetsRequestsThrough() throws Exception {
        Exchange e = run(Map.of("thumbler.playground", "true"));

        assertThat(e.passedOn).isTrue();
        assertThat(e.status).isZero();
        assertThat(e.body()).isEmpty();
    }

    @Test
    void aValueThatIsNotABooleanStopsStartupNamingTheKey() {
        PlaygroundGuard cut = new PlaygroundGuard(config(Map.of("thumbler.playground", "maybe")));

        assertThatThrownBy(cut::init).isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("thumbler.playground (THUMBLER_PLAYGROUND): 'maybe' is not true or false");
    }

    private static ConfigReader config(Map<String, String> values) {
        return new ConfigReader(key -> Optional.ofNullable(values.get(key)));
    }

    private static Exchange run(Map<String, String> values) throws Exception {
        PlaygroundGuard cut = new PlaygroundGuard(config(values));
        cut.init();
        Exchange e = new Exchange();
        HttpServletRequest request = proxy(HttpServletRequest.class, (method, args) -> switch (method) {
            case "getRequestURI" -> "/playground/api/sign";
            case "getMethod" -> "POST";
            default -> null;
        });
        HttpServletResponse response = proxy(HttpServletResponse.class, (method, args) -> {
            switch (method) {
                case "setStatus" -> e.status = (Integer) args[0];
                case "setContentType" -> e.headers.put("Content-Type", (String) args[0]);
                case "setHeader" -> e.headers.put((String) args[0], (String) args[1]);
                case "getOutputStream" -> {
                    return e.stream;
                }
                default -> {
                }
            }
            return null;
        });
        FilterChain chain = (req, res) -> e.passedOn = true;
        cut.doFilter(request, response, chain);
        return e;
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> answer.answer(method.getName(), args)));
    }

    /** What the guard did with one request. */
    private static final class Exchange {
        boolean passedOn;
        int status;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                bytes.write(b);
            }
        };

        String body() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
