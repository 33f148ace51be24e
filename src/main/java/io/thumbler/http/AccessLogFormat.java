package io.thumbler.http;

import java.time.Instant;
import java.util.Locale;

import io.thumbler.config.ConfigReader;

/**
 * How each request is written to the access log ({@code THUMBLER_ACCESS_LOG}): {@code text}
 * (key=value pairs, readable and greppable), {@code json} (one object per line, for log
 * pipelines) or {@code off}.
 */
public enum AccessLogFormat {
    TEXT,
    JSON,
    OFF;

    static final String KEY = "thumbler.access-log";

    public static AccessLogFormat read(ConfigReader config) {
        String v = config.string(KEY, "text");
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            case "off" -> OFF;
            default -> throw ConfigReader.invalid(KEY, "'" + v + "' is not one of text, json, off");
        };
    }

    /**
     * The log line for {@code r}, one line whatever the request held; {@code null} when the format
     * is {@code off}. The time is when the response was complete, in UTC.
     */
    public String format(RequestCompleted r, Caller c, long epochMillis) {
        return switch (this) {
            case TEXT -> "time=" + Instant.ofEpochMilli(epochMillis)
                    + " client=" + orDash(c.address())
                    + " forwarded=" + orDash(c.forwardedFor())
                    + " method=" + textValue(r.method())
                    + " path=" + textValue(r.path())
                    + " status=" + r.status()
                    + " bytes=" + r.bytes()
                    + " cache=" + orDash(r.cacheStatus())
                    + " fetch_ms=" + millis(r.fetchMillis())
                    + " render_ms=" + millis(r.renderMillis())
                    + " total_ms=" + millis(r.totalMillis())
                    + " request_id=" + orDash(c.requestId())
                    + " ua=" + (c.userAgent() == null ? "-" : jsonString(c.userAgent()));
            case JSON -> "{\"time\":\"" + Instant.ofEpochMilli(epochMillis) + '"'
                    + ",\"client\":" + jsonOrNull(c.address())
                    + ",\"forwarded\":" + jsonOrNull(c.forwardedFor())
                    + ",\"method\":" + jsonString(r.method())
                    + ",\"path\":" + jsonString(r.path())
                    + ",\"status\":" + r.status()
                    + ",\"bytes\":" + r.bytes()
                    + ",\"cache\":" + jsonOrNull(r.cacheStatus())
                    + ",\"fetch_ms\":" + millis(r.fetchMillis())
                    + ",\"render_ms\":" + millis(r.renderMillis())
                    + ",\"total_ms\":" + millis(r.totalMillis())
                    + ",\"request_id\":" + jsonOrNull(c.requestId())
                    + ",\"ua\":" + jsonOrNull(c.userAgent()) + "}";
            case OFF -> null;
        };
    }

    private static String orDash(String v) {
        return v == null ? "-" : textValue(v);
    }

    private static String jsonOrNull(String v) {
        return v == null ? "null" : jsonString(v);
    }

    private static String millis(double ms) {
        return RequestTimings.appendOneDecimal(new StringBuilder(8), ms).toString();
    }

    /**
     * Quoted when it holds a space, a quote or a control character, so one line stays one record:
     * the value rule of every key=value log line Thumbler writes.
     */
    public static String textValue(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c <= ' ' || c == '"' || c == '\\' || c == 0x7f) {
                return jsonString(v);
            }
        }
        return v;
    }

    static String jsonString(String v) {
        StringBuilder sb = new StringBuilder(v.length() + 2).append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
