package io.thumbler.ops;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import io.thumbler.http.RequestCompleted;
import io.thumbler.http.RequestsInFlight;
import io.thumbler.render.RenderOutcome;
import io.thumbler.render.RenderSlots;

/**
 * The application metrics at {@code /metrics?scope=application}, named after imgproxy's
 * Prometheus metrics so that imgproxy dashboards translate: {@code requests_total},
 * {@code status_codes_total{status}}, {@code errors_total{type}}, the histograms
 * {@code request_duration_seconds}, {@code request_span_duration_seconds{span}} (queue,
 * downloading, processing), {@code download_duration_seconds}, {@code processing_duration_seconds},
 * and the gauges {@code workers}, {@code requests_in_progress}, {@code images_in_progress},
 * {@code workers_utilization}; plus Thumbler's own {@code queue_duration_seconds} histogram,
 * {@code render_queue_length}, {@code cache_hits_total}/{@code cache_misses_total}/{@code
 * cache_coalesced_total} (per request) and {@code build_info{version,commit,renderer}}.
 *
 * <p>MicroProfile Metrics appends {@code _total} to counters, so the names registered here lack it.
 * A histogram is a {@link SecondsHistogram} published as gauges named {@code <name>_bucket{le}},
 * {@code <name>_count} and {@code <name>_sum}: the series a Prometheus histogram has, counted over
 * every observation, in seconds. Payara's timers are not used: on 6.2025.10 their quantiles,
 * {@code _max} and {@code _mean} are nanoseconds under a {@code _seconds} name, and with buckets
 * configured ({@code mp.metrics.distribution.timer.buckets}) the buckets count a sample of 1028
 * observations while {@code le="+Inf"} counts all of them. The exposition's {@code # TYPE} line
 * therefore says {@code gauge} for these series; PromQL does not look at it.
 */
@ApplicationScoped
public class ThumblerMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    RequestsInFlight inFlight;

    @Inject
    RenderSlots renderSlots;

    @Inject
    BuildMonitor build;

    private Counter requests;
    private Counter cacheHits;
    private Counter cacheMisses;
    private Counter cacheCoalesced;
    private final SecondsHistogram requestDuration = new SecondsHistogram();
    private final SecondsHistogram downloadDuration = new SecondsHistogram();
    private final SecondsHistogram processingDuration = new SecondsHistogram();
    private final SecondsHistogram queueDuration = new SecondsHistogram();
    private final SecondsHistogram queueSpan = new SecondsHistogram();
    private final SecondsHistogram downloadingSpan = new SecondsHistogram();
    private final SecondsHistogram processingSpan = new SecondsHistogram();
    /** Looked up once per status: a registry lookup builds metadata and tags, too slow for every cache hit. */
    private final Map<Integer, Counter> statusCodes = new ConcurrentHashMap<>();

    /** Creates every metric, so that the names are there before the first request. */
    void register() {
        requests = registry.counter(meta("requests", "Requests the application answered.", MetricUnits.NONE));
        cacheHits = registry.counter(meta("cache_hits", "Requests answered from the rendition cache.", MetricUnits.NONE));
        cacheMisses = registry.counter(meta("cache_misses", "Requests whose variant was not in the rendition cache and was rendered for them.", MetricUnits.NONE));
        cacheCoalesced = registry.counter(meta("cache_coalesced", "Requests that missed the rendition cache and waited for another request's render of the same variant.", MetricUnits.NONE));
        histogram("request_duration_seconds", "A histogram of the response latency.", requestDuration);
        histogram("download_duration_seconds", "A histogram of the source image downloading latency.", downloadDuration);
        histogram("processing_duration_seconds", "A histogram of the image processing latency (holding a render slot).", processingDuration);
        histogram("queue_duration_seconds", "A histogram of the wait for a render slot.", queueDuration);
        String spans = "A histogram of the request spans duration separated by span name: queue, downloading, processing.";
        histogram("request_span_duration_seconds", spans, queueSpan, new Tag("span", "queue"));
        histogram("request_span_duration_seconds", spans, downloadingSpan, new Tag("span", "downloading"));
        histogram("request_span_duration_seconds", spans, processingSpan, new Tag("span", "processing"));
        for (String type : new String[] {"queue", "timeout", "downloading", "processing"}) {
            errors(type);
        }
        registry.gauge(meta("workers", "Render slots (ImageMagick processes at once).", MetricUnits.NONE), renderSlots, RenderSlots::concurrency);
        registry.gauge(meta("requests_in_progress", "Requests being answered now.", MetricUnits.NONE), inFlight, RequestsInFlight::count);
        registry.gauge(meta("images_in_progress", "Renders running now.", MetricUnits.NONE), renderSlots, RenderSlots::active);
        registry.gauge(meta("render_queue_length", "Requests waiting for a render slot now.", MetricUnits.NONE), renderSlots, RenderSlots::queued);
        // Unit NONE: with PERCENT the exporter renames it workers_utilization_ratio; imgproxy's is a plain percentage.
        registry.gauge(meta("workers_utilization", "Render slots in use, in percent.", MetricUnits.NONE), renderSlots,
                p -> 100.0 * p.active() / p.concurrency());
        registry.gauge(meta("build_info", "Always 1; its labels name the build: Thumbler's version, the git commit, the renderer version of the rendition cache keys.",
                MetricUnits.NONE), () -> 1, new Tag("version", build.getVersion()), new Tag("commit", build.getCommit()),
                new Tag("renderer", String.valueOf(build.getRendererVersion())));
    }

    /** Publishes {@code h} as the {@code _bucket}, {@code _count} and {@code _sum} series of {@code name}. */
    private void histogram(String name, String description, SecondsHistogram h, Tag... tags) {
        Metadata bucket = meta(name + "_bucket", description + " Observations at or below le seconds.", MetricUnits.NONE);
        double[] bounds = h.bounds();
        for (int i = 0; i < bounds.length; i++) {
            int index = i;
            registry.gauge(bucket, h, x -> x.cumulativeCount(index), with(tags, new Tag("le", SecondsHistogram.label(bounds[i]))));
        }
        registry.gauge(bucket, h, SecondsHistogram::count, with(tags, new Tag("le", "+Inf")));
        registry.gauge(meta(name + "_count", description + " Observations.", MetricUnits.NONE), h, SecondsHistogram::count, tags);
        registry.gauge(meta(name + "_sum", description + " Sum of the observations in seconds.", MetricUnits.NONE), h,
                SecondsHistogram::sumSeconds, tags);
    }

    private static Tag[] with(Tag[] tags, Tag more) {
        Tag[] all = Arrays.copyOf(tags, tags.length + 1);
        all[tags.length] = more;
        return all;
    }

    void requestDone(@Observes RequestCompleted r) {
        requests.inc();
        statusCodes.computeIfAbsent(r.status(), status -> registry.counter(meta("status_codes", "Responses by status code.",
                MetricUnits.NONE), new Tag("status", Integer.toString(status)))).inc();
        requestDuration.record(nanos(r.totalMillis()));
        if (r.fetched()) {
            downloadDuration.record(nanos(r.fetchMillis()));
            downloadingSpan.record(nanos(r.fetchMillis()));
            if (SourceStatistics.isSourceError(r)) {
                errors("downloading").inc();
            }
        }
        if (r.cacheStatus() != null) {
            switch (r.cacheStatus()) {
                case "hit" -> cacheHits.inc();
                case "miss" -> cacheMisses.inc();
                case "coalesced" -> cacheCoalesced.inc();
                default -> { } // unknown to this version: counted nowhere rather than wrongly
            }
        }
    }

    void renderDone(@Observes RenderOutcome outcome) {
        queueDuration.record(outcome.queueNanos());
        queueSpan.record(outcome.queueNanos());
        switch (outcome.kind()) {
            case COMPLETED -> {
                processingDuration.record(outcome.renderNanos());
                processingSpan.record(outcome.renderNanos());
            }
            case FAILED -> errors("processing").inc();
            case TIMED_OUT -> errors("timeout").inc();
            case REJECTED -> errors("queue").inc();
        }
    }

    private Counter errors(String type) {
        return registry.counter(meta("errors", "Errors by type: queue (no render slot), timeout, downloading, processing.",
                MetricUnits.NONE), new Tag("type", type));
    }

    private static long nanos(double ms) {
        return (long) (ms * 1_000_000);
    }

    private static Metadata meta(String name, String description, String unit) {
        return Metadata.builder().withName(name).withDescription(description).withUnit(unit).build();
    }
}
