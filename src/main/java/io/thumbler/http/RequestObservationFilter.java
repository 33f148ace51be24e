package io.thumbler.http;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Wraps every request of the application: counts it in flight, counts the body bytes, and when the
 * response is done writes one access-log line and hands a {@link RequestCompleted} to the
 * operations views. It runs outside JAX-RS so that it also sees the 403s of the
 * {@link OriginSecretFilter} and requests no resource matched; Payara's own
 * {@link ServerEndpoints} pass unobserved.
 */
public class RequestObservationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** The access log's logger; route it with Payara's logging configuration. */
    public static final Logger ACCESS_LOG = Logger.getLogger("io.thumbler.access");
    private static final Logger LOG = Logger.getLogger(RequestObservationFilter.class.getName());

    private final transient AccessLogFormat format;
    private final transient java.util.function.LongSupplier clock;
    private final transient Consumer<String> accessLog;
    private final transient RequestsInFlight inFlight;
    private final transient Consumer<RequestCompleted> completed;
    /** What to close with the filter: the application's access-log writer thread. */
    private final transient AutoCloseable resources;

    /**
     * @param accessLog takes each formatted line (an {@link AccessLogWriter} in the application)
     * @param completed receives every finished request (the CDI event, in the application)
     */
    public RequestObservationFilter(AccessLogFormat format, Consumer<String> accessLog, RequestsInFlight inFlight,
                                    Consumer<RequestCompleted> completed) {
        this(format, accessLog, inFlight, completed, () -> { }, System::currentTimeMillis);
    }

    RequestObservationFilter(AccessLogFormat format, Consumer<String> accessLog, RequestsInFlight inFlight,
                             Consumer<RequestCompleted> completed, AutoCloseable resources, java.util.function.LongSupplier clock) {
        this.format = format;
        this.clock = clock;
        this.accessLog = accessLog;
        this.inFlight = inFlight;
        this.completed = completed;
        this.resources = resources;
    }

    /**
     * The filter as the application runs it: access-log lines go to {@code target} through an
     * {@link AccessLogWriter} thread, which the container stops with the filter at undeploy.
     */
    public static RequestObservationFilter withAccessLogWriter(AccessLogFormat format, AccessLogTarget target,
                                                               RequestsInFlight inFlight,
                                                               Consumer<RequestCompleted> completed) {
        AccessLogWriter writer = new AccessLogWriter(target.sink(ACCESS_LOG));
        return new RequestObservationFilter(format, writer::write, inFlight, completed, writer, System::currentTimeMillis);
    }

    @Override
    public void destroy() {
        try {
            resources.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "could not stop the access-log writer", e);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (ServerEndpoints.isServerEndpoint(ServerEndpoints.pathInApplication(request))) {
            chain.doFilter(request, response);
            return;
        }
        long t0 = System.nanoTime();
        CountingResponse counting = new CountingResponse(response);
        inFlight.enter();
        try {
            chain.doFilter(request, counting);
            counting.flushBuffer();
        } finally {
            inFlight.leave();
            finished(request, counting, (System.nanoTime() - t0) / 1e6);
        }
    }

    private void finished(HttpServletRequest request, CountingResponse response, double totalMillis) {
        try {
            RequestCompleted r = describe(request, response.getStatus(), response.bytes(), totalMillis);
            if (format != AccessLogFormat.OFF) {
                accessLog.accept(format.format(r, Caller.of(request), clock.getAsLong()));
            }
            completed.accept(r);
        } catch (RuntimeException e) {
            // Observation must never turn a served request into a failure.
            LOG.log(Level.WARNING, "could not record a finished request", e);
        }
    }

    static RequestCompleted describe(HttpServletRequest request, int status, long bytes, double totalMillis) {
        String inApp = ServerEndpoints.pathInApplication(request);
        Object t = request.getAttribute(RequestTimings.ATTRIBUTE);
        RequestTimings timings = t instanceof RequestTimings rt ? rt : null;
        return new RequestCompleted(request.getMethod(), SignaturelessPath.of(inApp), status, bytes,
                timings == null ? null : timings.cacheStatus(),
                timings == null ? 0 : timings.millis("fetch"),
                timings == null ? 0 : timings.millis("render"),
                totalMillis);
    }
}
