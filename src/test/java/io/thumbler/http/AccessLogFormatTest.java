package io.thumbler.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.thumbler.config.ConfigReader;
import io.thumbler.config.InvalidConfigurationException;

class AccessLogFormatTest {

    private static final RequestCompleted MISS = new RequestCompleted("GET", "/rs:fit:300:300/plain/local%3A%2F%2F%2Fa.jpg@webp",
            200, 12345, "miss", 3.14, 80.25, 90.0);

    private static final Caller VIEWER = new Caller("130.176.1.2", "198.51.100.4:51234", "Mozilla/5.0 (X11)", "abc-Cf-Id==");
    private static final Caller BARE = new Caller("127.0.0.1", null, null, null);
    private static final long AT = 1_796_078_400_466L;

    @Test
    void textIsOneLineOfKeyValuePairs() {
        assertThat(AccessLogFormat.TEXT.format(MISS, VIEWER, AT)).isEqualTo(
                "time=2026-11-30T22:40:00.466Z client=130.176.1.2 forwarded=198.51.100.4:51234"
                        + " method=GET path=/rs:fit:300:300/plain/local%3A%2F%2F%2Fa.jpg@webp status=200 bytes=12345 cache=miss"
                        + " fetch_ms=3.1 render_ms=80.3 total_ms=90.0 request_id=abc-Cf-Id== ua=\"Mozilla/5.0 (X11)\"");
    }

    @Test
    void jsonIsOneObjectPerLine() {
        assertThat(AccessLogFormat.JSON.format(MISS, VIEWER, AT)).isEqualTo(
                "{\"time\":\"2026-11-30T22:40:00.466Z\",\"client\":\"130.176.1.2\",\"forwarded\":\"198.51.100.4:51234\","
                        + "\"method\":\"GET\",\"path\":\"/rs:fit:300:300/plain/local%3A%2F%2F%2Fa.jpg@webp\",\"status\":200,"
                        + "\"bytes\":12345,\"cache\":\"miss\",\"fetch_ms\":3.1,\"render_ms\":80.3,\"total_ms\":90.0,"
                        + "\"request_id\":\"abc-Cf-Id==\",\"ua\":\"Mozilla/5.0 (X11)\"}");
    }

    @Test
    void absentHeadersAreADashOrNull() {
        assertThat(AccessLogFormat.TEXT.format(MISS, BARE, AT)).contains("client=127.0.0.1 forwarded=- method=GET")
                .endsWith("request_id=- ua=-");
        assertThat(AccessLogFormat.JSON.format(MISS, BARE, AT)).contains("\"forwarded\":null,")
                .endsWith("\"request_id\":null,\"ua\":null}");
    }

    @Test
    void hostileHeadersCannotBreakTheLineOrGrowIt() {
        Caller hostile = Caller.of(ServletFakes.request("GET", "/x", java.util.Map.of(
                "User-Agent", "evil\n" + "A".repeat(10_000), "X-Forwarded-For", "1.2.3.4 injected=\"x\"\r\n"), new java.util.HashMap<>()));
        String text = AccessLogFormat.TEXT.format(MISS, hostile, AT);
        String json = AccessLogFormat.JSON.format(MISS, hostile, AT);
        assertThat(text).doesNotContain("\n", "\r").contains("forwarded=\"1.2.3.4 injected=\\\"x\\\"\\r\\n\"");
        assertThat(json).doesNotContain("\n", "\r");
        assertThat(text.length()).isLessThan(Caller.MAX_HEADER_CHARS * 2 + 400);
    }

    @Test
    void noCacheLookupIsADashOrNull() {
        RequestCompleted forbidden = new RequestCompleted("GET", "/x", 403, 10, null, 0, 0, 0.4);
        assertThat(AccessLogFormat.TEXT.format(forbidden, BARE, AT)).contains("cache=- ");
        assertThat(AccessLogFormat.JSON.format(forbidden, BARE, AT)).contains("\"cache\":null");
    }

    @Test
    void hostilePathsCannotBreakTheLine() {
        RequestCompleted hostile = new RequestCompleted("GET", "/a b\"\n\u0001x\\", 400, 0, null, 0, 0, 1);
        String text = AccessLogFormat.TEXT.format(hostile, BARE, AT);
        String json = AccessLogFormat.JSON.format(hostile, BARE, AT);
        assertThat(text).doesNotContain("\n").contains("path=\"/a b\\\"\\n\\u0001x\\\\\" status=400");
        assertThat(json).doesNotContain("\n").contains("\"path\":\"/a b\\\"\\n\\u0001x\\\\\"");
    }

    @Test
    void offWritesNothing() {
        assertThat(AccessLogFormat.OFF.format(MISS, BARE, AT)).isNull();
    }

    @Test
    void readsTheSettingAndNamesABadValue() {
        assertThat(AccessLogFormat.read(config(null))).isEqualTo(AccessLogFormat.TEXT);
        assertThat(AccessLogFormat.read(config("JSON"))).isEqualTo(AccessLogFormat.JSON);
        assertThat(AccessLogFormat.read(config("off"))).isEqualTo(AccessLogFormat.OFF);
        assertThatThrownBy(() -> AccessLogFormat.read(config("xml")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("thumbler.access-log (THUMBLER_ACCESS_LOG): 'xml' is not one of text, json, off");
    }

    private static ConfigReader config(String value) {
        Map<String, String> values = value == null ? Map.of() : Map.of("thumbler.access-log", value);
        return new ConfigReader(key -> Optional.ofNullable(values.get(key)));
    }
}
