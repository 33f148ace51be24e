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

    @Test
    void textIsOneLineOfKeyValuePairs() {
        assertThat(AccessLogFormat.TEXT.format(MISS)).isEqualTo(
                "method=GET path=/rs:fit:300:300/plain/local%3A%2F%2F%2Fa.jpg@webp status=200 bytes=12345 cache=miss"
                        + " fetch_ms=3.1 render_ms=80.3 total_ms=90.0");
    }

    @Test
    void jsonIsOneObjectPerLine() {
        assertThat(AccessLogFormat.JSON.format(MISS)).isEqualTo(
                "{\"method\":\"GET\",\"path\":\"/rs:fit:300:300/plain/local%3A%2F%2F%2Fa.jpg@webp\",\"status\":200,"
                        + "\"bytes\":12345,\"cache\":\"miss\",\"fetch_ms\":3.1,\"render_ms\":80.3,\"total_ms\":90.0}");
    }

    @Test
    void noCacheLookupIsADashOrNull() {
        RequestCompleted forbidden = new RequestCompleted("GET", "/x", 403, 10, null, 0, 0, 0.4);
        assertThat(AccessLogFormat.TEXT.format(forbidden)).contains("cache=- ");
        assertThat(AccessLogFormat.JSON.format(forbidden)).contains("\"cache\":null");
    }

    @Test
    void hostilePathsCannotBreakTheLine() {
        RequestCompleted hostile = new RequestCompleted("GET", "/a b\"\n\u0001x\\", 400, 0, null, 0, 0, 1);
        String text = AccessLogFormat.TEXT.format(hostile);
        String json = AccessLogFormat.JSON.format(hostile);
        assertThat(text).doesNotContain("\n").contains("path=\"/a b\\\"\\n\\u0001x\\\\\" status=400");
        assertThat(json).doesNotContain("\n").contains("\"path\":\"/a b\\\"\\n\\u0001x\\\\\"");
    }

    @Test
    void offWritesNothing() {
        assertThat(AccessLogFormat.OFF.format(MISS)).isNull();
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
