package io.thumbler.ops;

import io.thumbler.jmx.Description;

/**
 * {@code io.thumbler:type=RenderPool}: the render slots and what became of the requests for them,
 * counted since the application started; latencies are over the last one to two minutes, in
 * milliseconds, and {@code NaN} when that time saw none.
 *
 * <p>Alert on: {@code Queued} near {@code QueueCapacity} (rejections come next), a rising
 * {@code Rejected} or {@code TimedOut}, {@code RenderMillisP99} near the render timeout.
 */
@Description("Render slots and what became of the requests for them, counted since the application started")
public interface RenderPoolMXBean {

    /** Renders running now. */
    @Description("Renders running now")
    int getActive();

    /** Requests waiting for a slot now. */
    @Description("Requests waiting for a slot now")
    int getQueued();

    /** Render slots: ImageMagick processes allowed at once. */
    @Description("Render slots: ImageMagick processes allowed at once")
    int getConcurrency();

    /** Requests allowed to wait before more get 503. */
    @Description("Requests allowed to wait before more get 503")
    int getQueueCapacity();

    /** {@code convert} processes alive now (equals {@code Active} unless a process is being killed). */
    @Description("convert processes alive now (equals Active unless a process is being killed)")
    int getLiveProcesses();

    /** Whether the pool refuses new renders because the application is shutting down. */
    @Description("Whether the pool refuses new renders because the application is shutting down")
    boolean isDraining();

    /** Renders that produced a verified image. */
    @Description("Renders that produced a verified image")
    long getCompleted();

    /** Renders that failed (ImageMagick error, output that did not verify), timeouts excluded. */
    @Description("Renders that failed (ImageMagick error, output that did not verify), timeouts excluded")
    long getFailed();

    /** Renders killed at their deadline (504). */
    @Description("Renders killed at their deadline (504)")
    long getTimedOut();

    /** Requests that never got a slot (503): queue full, waited too long, or shutting down. */
    @Description("Requests that never got a slot (503): queue full, waited too long, or shutting down")
    long getRejected();

    @Description("Median time holding a slot in ms, successful renders, over the last one to two minutes (NaN when none)")
    double getRenderMillisP50();

    @Description("95th percentile of the time holding a slot in ms, successful renders, over the last one to two minutes (NaN when none)")
    double getRenderMillisP95();

    @Description("99th percentile of the time holding a slot in ms, successful renders, over the last one to two minutes (NaN when none)")
    double getRenderMillisP99();

    @Description("95th percentile of the wait for a slot in ms, every request for one, over the last one to two minutes (NaN when none)")
    double getQueueMillisP95();
}
