package io.thumbler.ops;

import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.thumbler.http.RequestCompleted;
import io.thumbler.http.RequestsInFlight;
import io.thumbler.thumbnails.KnownVariants;

/** Counts finished requests by status class and cache status, and times them. */
@ApplicationScoped
public class RequestStatistics implements RequestsMXBean {

    @Inject
    RequestsInFlight inFlight;

    @Inject
    KnownVariants knownVariants;

    private final LongAdder total = new LongAdder();
    /** Indexed by the status's first digit; 1xx and others land in their own slot and are not shown. */
    private final LongAdder[] byClass = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder coalesced = new LongAdder();
    private final RecentLatency totalMillis = new RecentLatency();

    void record(@Observes RequestCompleted r) {
        total.increment();
        byClass[Math.min(Math.max(r.status() / 100, 0), 5)].increment();
        if (r.cacheStatus() != null) {
            switch (r.cacheStatus()) {
                case "hit" -> hits.increment();
                case "miss" -> misses.increment();
                case "coalesced" -> coalesced.increment();
                default -> { } // a status this version does not know is counted nowhere rather than wrongly
            }
        }
        totalMillis.record(Math.round(r.totalMillis()));
    }

    @Override
    public long getTotal() {
        return total.sum();
    }

    @Override
    public int getInFlight() {
        return inFlight.count();
    }

    @Override
    public long getResponses2xx() {
        return byClass[2].sum();
    }

    @Override
    public long getResponses3xx() {
        return byClass[3].sum();
    }

    @Override
    public long getResponses4xx() {
        return byClass[4].sum();
    }

    @Override
    public long getResponses5xx() {
        return byClass[5].sum();
    }

    @Override
    public long getRequestsHit() {
        return hits.sum();
    }

    @Override
    public long getRequestsMissed() {
        return misses.sum();
    }

    @Override
    public long getRequestsHitBeforeJaxRs() {
        return knownVariants.served();
    }

    @Override
    public int getKnownUrls() {
        return knownVariants.size();
    }

    @Override
    public long getRequestsCoalesced() {
        return coalesced.sum();
    }

    @Override
    public double getTotalMillisP50() {
        return totalMillis.percentile(50);
    }

    @Override
    public double getTotalMillisP95() {
        return totalMillis.percentile(95);
    }

    @Override
    public double getTotalMillisP99() {
        return totalMillis.percentile(99);
    }
}
