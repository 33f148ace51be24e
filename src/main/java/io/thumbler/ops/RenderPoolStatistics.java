package io.thumbler.ops;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.thumbler.render.ConvertProcess;
import io.thumbler.render.RenderOutcome;
import io.thumbler.render.RenderSlots;

/** Counts the {@link RenderOutcome}s the render slots fire and shows them with its live state over JMX. */
@ApplicationScoped
public class RenderPoolStatistics implements RenderPoolMXBean {

    @Inject
    RenderSlots renderSlots;

    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder timedOut = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final RecentLatency renderMillis = new RecentLatency();
    private final RecentLatency queueMillis = new RecentLatency();
    private final SheddingSummary shedding = new SheddingSummary(System::currentTimeMillis);

    void record(@Observes RenderOutcome outcome) {
        switch (outcome.kind()) {
            case COMPLETED -> {
                completed.increment();
                renderMillis.record(TimeUnit.NANOSECONDS.toMillis(outcome.renderNanos()));
            }
            case FAILED -> failed.increment();
            case TIMED_OUT -> timedOut.increment();
            case REJECTED -> {
                rejected.increment();
                shedding.refused();
            }
        }
        queueMillis.record(TimeUnit.NANOSECONDS.toMillis(outcome.queueNanos()));
    }

    @Override
    public int getActive() {
        return renderSlots.active();
    }

    @Override
    public int getQueued() {
        return renderSlots.queued();
    }

    @Override
    public int getConcurrency() {
        return renderSlots.concurrency();
    }

    @Override
    public int getQueueCapacity() {
        return renderSlots.queueCapacity();
    }

    @Override
    public int getLiveProcesses() {
        return ConvertProcess.running();
    }

    @Override
    public boolean isDraining() {
        return renderSlots.draining();
    }

    @Override
    public long getCompleted() {
        return completed.sum();
    }

    @Override
    public long getFailed() {
        return failed.sum();
    }

    @Override
    public long getTimedOut() {
        return timedOut.sum();
    }

    @Override
    public long getRejected() {
        return rejected.sum();
    }

    @Override
    public double getRenderMillisP50() {
        return renderMillis.percentile(50);
    }

    @Override
    public double getRenderMillisP95() {
        return renderMillis.percentile(95);
    }

    @Override
    public double getRenderMillisP99() {
        return renderMillis.percentile(99);
    }

    @Override
    public double getQueueMillisP95() {
        return queueMillis.percentile(95);
    }
}
