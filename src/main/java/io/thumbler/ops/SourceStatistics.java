package io.thumbler.ops;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.thumbler.http.RequestCompleted;
import io.thumbler.source.Originals;
import io.thumbler.transform.ProcessingPathParser;
import io.thumbler.transform.ProxyRewrites;

/**
 * Derives source statistics from finished requests: the fetch time in their timings, the status
 * of their answer, and the source kind named in their URL.
 */
@ApplicationScoped
public class SourceStatistics implements SourcesMXBean {

    private final ProcessingPathParser paths = new ProcessingPathParser();
    private final LongAdder fetches = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final Map<String, LongAdder> fetchesByKind = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errorsByStatus = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errorsByKind = new ConcurrentHashMap<>();
    private final RecentLatency fetchMillis = new RecentLatency();

    @Inject
    Originals originals;

    void record(@Observes RequestCompleted r) {
        if (!r.fetched()) {
            return;
        }
        String kind = kindOf(r.path());
        fetches.increment();
        fetchesByKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
        fetchMillis.record(Math.round(r.fetchMillis()));
        if (isSourceError(r)) {
            errors.increment();
            errorsByStatus.computeIfAbsent(Integer.toString(r.status()), k -> new LongAdder()).increment();
            errorsByKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }
    }

    /** Failed after the fetch began and before any render: the original is the cause. */
    static boolean isSourceError(RequestCompleted r) {
        return r.fetched() && !r.rendered() && r.status() >= 400;
    }

    /**
     * {@code local}, {@code s3}, {@code https} or {@code other}, from the source named in the path
     * (which has no signature) read as the request was verified, proxy rewrites undone; a fixed
     * set, so a hostile URL cannot grow the maps.
     */
    String kindOf(String path) {
        try {
            String p = path.startsWith("/info/") ? path.substring("/info".length()) : path;
            String source = paths.parse(ProxyRewrites.undo(p)).source();
            int colon = source.indexOf("://");
            String scheme = colon < 0 ? "" : source.substring(0, colon).toLowerCase(Locale.ROOT);
            return switch (scheme) {
                case "local", "s3", "https" -> scheme;
                default -> "other";
            };
        } catch (RuntimeException e) {
            return "other";
        }
    }

    @Override
    public long getFetches() {
        return fetches.sum();
    }

    @Override
    public Map<String, Long> getFetchesByKind() {
        return snapshot(fetchesByKind);
    }

    @Override
    public long getFetchErrors() {
        return errors.sum();
    }

    @Override
    public Map<String, Long> getErrorsByStatus() {
        return snapshot(errorsByStatus);
    }

    @Override
    public Map<String, Long> getErrorsByKind() {
        return snapshot(errorsByKind);
    }

    @Override
    public Map<String, String> getCircuits() {
        return originals.circuits();
    }

    @Override
    public double getFetchMillisP50() {
        return fetchMillis.percentile(50);
    }

    @Override
    public double getFetchMillisP95() {
        return fetchMillis.percentile(95);
    }

    @Override
    public double getFetchMillisP99() {
        return fetchMillis.percentile(99);
    }

    static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
