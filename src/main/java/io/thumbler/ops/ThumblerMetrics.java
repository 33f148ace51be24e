package io.thumbler.ops;

import java.time.Duration;
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
import org.eclipse.microprofile.metrics.Timer;

import io.thumbler.http.RequestCompleted;
import io.thumbler.http.RequestsInFlight;
import io.thumbler.render.RenderOutcome;
import io.thumbler.render.RenderPool;

/**
 * The application metrics at {@code /metrics?scope=application}, named after imgproxy's
 * Prometheus metrics so that imgproxy dashboards translate: {@code requests_total},
 * {@code status_codes_total{status}}, {@code errors_total{type}}, {@code request_duration_seconds},
 * {@code request_span_duration_seconds{span}} (queue, downloading, processing),
 * {@code download_duration_seconds}, {@code processing_duration_seconds}, {@code workers},
 * {@code requests_in_progress}, {@code images_in_progress}, {@code workers_utilization}; plus
 * Thumbler's own {@code queue_duration_seconds}, {@code render_queue_length} and
 * {@code cache_hits_total}/{@code cache_misses_total}/{@code cache_coalesced_total}.
 *
 * <p>MicroProfile Metrics appends {@code _total} to counters and {@code _seconds} to timers in
 * the OpenMetrics output, so the names registered here lack those suffixes. imgproxy's
 * histograms are MicroProfile timers: summaries with quantiles, count, sum and max. On Payara
 * 6.2025.10 a timer's {@code _sum} is in seconds but its quantiles, {@code _max} and {@code _mean}
 * are printed in nanoseconds (a Payara bug, fixed in a later release): compute means
 * from {@code _sum}/{@code _count}, and the JMX percentiles are exact in milliseconds.
 */
@ApplicationScoped
public class ThumblerMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    RequestsInFlight inFlight;

    @Inject
    RenderPool pool;

    private Counter requests;
    private Counter cacheHits;
    private Counter cacheMisses;
    private Counter cacheCoalesced;
    private Timer requestDuration;
    private Timer downloadDuration;
    private Timer processingDuration;
    private Timer queueDuration;
    private Timer queueSpan;
    private Timer downloadingSpan;
    private Timer processingSpan;
    /** Looked up once per status: a registry lookup builds metadata and tags, too slow for every cache hit. */
    private final Map<Integer, Counter> statusCodes = new ConcurrentHashMap<>();

    /** Creates every metric, so that the names are there before the first request. */
    void register() {
        requests = registry.counter(meta("requests", "Requests the application answered.", MetricUnits.NONE));
        cacheHits = registry.counter(meta("cache_hits", "Answers served from the rendition cache.", MetricUnits.NONE));
        cacheMisses = registry.counter(meta("cache_misses", "Requests that had to render.", MetricUnits.NONE));
        cacheCoalesced = registry.counter(meta("cache_coalesced", "Misses that joined another request's render.", MetricUnits.NONE));
        requestDuration = registry.timer(meta("request_duration", "Response latency.", MetricUnits.SECONDS));
        downloadDuration = registry.timer(meta("download_duration", "Source image downloading latency.", MetricUnits.SECONDS));
        processingDuration = registry.timer(meta("processing_duration", "Image processing latency (holding a render slot).", MetricUnits.SECONDS));
        queueDuration = registry.timer(meta("queue_duration", "Wait for a render slot.", MetricUnits.SECONDS));
        Metadata span = meta("request_span_duration", "Request latency by span.", MetricUnits.SECONDS);
        queueSpan = registry.timer(span, new Tag("span", "queue"));
        downloadingSpan = registry.timer(span, new Tag("span", "downloading"));
        processingSpan = registry.timer(span, new Tag("span", "processing"));
        for (String type : new String[] {"queue", "timeout", "downloading", "processing"}) {
            errors(type);
        }
        registry.gauge(meta("workers", "Render slots (ImageMagick processes at once).", MetricUnits.NONE), pool, RenderPool::concurrency);
        registry.gauge(meta("requests_in_progress", "Requests being answered now.", MetricUnits.NONE), inFlight, RequestsInFlight::count);
        registry.gauge(meta("images_in_progress", "Renders running now.", MetricUnits.NONE), pool, RenderPool::active);
        registry.gauge(meta("render_queue_length", "Requests waiting for a render slot now.", MetricUnits.NONE), pool, RenderPool::queued);
        // Unit NONE: with PERCENT the exporter renames it workers_utilization_ratio; imgproxy's is a plain percentage.
        registry.gauge(meta("workers_utilization", "Render slots in use, in percent.", MetricUnits.NONE), pool,
                p -> 100.0 * p.active() / p.concurrency());
    }

    void requestDone(@Observes RequestCompleted r) {
        requests.inc();
        statusCodes.computeIfAbsent(r.status(), status -> registry.counter(meta("status_codes", "Responses by status code.",
                MetricUnits.NONE), new Tag("status", Integer.toString(status)))).inc();
        requestDuration.update(millis(r.totalMillis()));
        if (r.fetched()) {
            downloadDuration.update(millis(r.fetchMillis()));
            downloadingSpan.update(millis(r.fetchMillis()));
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
        Duration queue = Duration.ofNanos(outcome.queueNanos());
        queueDuration.update(queue);
        queueSpan.update(queue);
        switch (outcome.kind()) {
            case COMPLETED -> {
                processingDuration.update(Duration.ofNanos(outcome.renderNanos()));
                processingSpan.update(Duration.ofNanos(outcome.renderNanos()));
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

    private static Duration millis(double ms) {
        return Duration.ofNanos((long) (ms * 1_000_000));
    }

    private static Metadata meta(String name, String description, String unit) {
        return Metadata.builder().withName(name).withDescription(description).withUnit(unit).build();
    }
}
