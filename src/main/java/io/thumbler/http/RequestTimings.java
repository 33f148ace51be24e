package io.thumbler.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The stages of one request and how long each took, rendered as a {@code Server-Timing} header
 * ({@code fetch;dur=12.3, render;dur=80.1, total;dur=95.0, cache;desc=miss}) so a person can see in
 * the browser's devtools where the time went. One instance per request; not shared across threads.
 */
public final class RequestTimings {

    /** The servlet-request attribute under which the filter stores this request's timings. */
    public static final String ATTRIBUTE = RequestTimings.class.getName();

    private final long start = System.nanoTime();
    private final Map<String, Double> durations = new LinkedHashMap<>();
    private String cacheStatus;
    private String originStatus;

    /** Runs {@code stage}, adding its duration to the named metric (stages may repeat). */
    public <T> T time(String metric, Supplier<T> stage) {
        long t0 = System.nanoTime();
        try {
            return stage.get();
        } finally {
            add(metric, (System.nanoTime() - t0) / 1e6);
        }
    }

    public void add(String metric, double millis) {
        durations.merge(metric, millis, Double::sum);
    }

    /** {@code hit}, {@code miss} or {@code coalesced}. */
    public void cacheStatus(String status) {
        this.cacheStatus = status;
    }

    public String cacheStatus() {
        return cacheStatus;
    }

    /** {@code stale}: the source's version was known from before its TTL ran out, because its origin failed. */
    public void originStatus(String status) {
        this.originStatus = status;
    }

    public double millis(String metric) {
        return durations.getOrDefault(metric, 0.0);
    }

    public double totalMillis() {
        return (System.nanoTime() - start) / 1e6;
    }

    public String header() {
        StringBuilder sb = new StringBuilder();
        durations.forEach((k, v) -> appendOneDecimal(sb.append(k).append(";dur="), v).append(", "));
        appendOneDecimal(sb.append("total;dur="), totalMillis());
        if (cacheStatus != null) {
            sb.append(", cache;desc=").append(cacheStatus);
        }
        if (originStatus != null) {
            sb.append(", origin;desc=").append(originStatus);
        }
        return sb.toString();
    }

    /**
     * {@code 12.3} for 12.345: what {@code String.format("%.1f")} writes for these non-negative
     * durations, without the cost of a {@link java.util.Formatter} per request on the hit path.
     */
    static StringBuilder appendOneDecimal(StringBuilder sb, double value) {
        long tenths = Math.round(Math.max(0, value) * 10);
        return sb.append(tenths / 10).append('.').append(tenths % 10);
    }
}
