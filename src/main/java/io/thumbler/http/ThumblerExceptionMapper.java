package io.thumbler.http;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;

/**
 * Turns every failure into a short plain-text answer: the status, a message that names the bad
 * input, and deliberate caching headers. Internal detail goes to the log only; an unexpected
 * exception becomes a 500 that says nothing about the code.
 */
@Provider
public class ThumblerExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ThumblerExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ThumblerException e) {
            return fromThumbler(e);
        }
        if (failure instanceof WebApplicationException e && e.getResponse().getStatus() < 500) {
            int status = e.getResponse().getStatus();
            return plain(status, e.getResponse().getStatusInfo().getReasonPhrase()).build();
        }
        LOG.log(Level.SEVERE, "unexpected failure", failure);
        return plain(500, "internal error").build();
    }

    private static Response fromThumbler(ThumblerException e) {
        LOG.log(levelOf(e), () -> e.status() + " " + e.publicMessage() + (e.internalDetail() == null ? "" : ": " + e.internalDetail()));
        Response.ResponseBuilder r = plain(e.status(), e.publicMessage());
        if (e.retryAfterSeconds() > 0) {
            r.header("Retry-After", e.retryAfterSeconds());
        }
        return r.build();
    }

    /**
     * Overload is load shedding doing its job (counted as {@code Rejected} by the RenderPool MXBean,
     * in {@code errors_total{type="queue"}}, and summarised once a minute): a line per refusal would
     * flood the log, in the very burst it answers. Other server errors are warnings; client errors
     * with an internal detail are information.
     */
    static Level levelOf(ThumblerException e) {
        if (e.kind() == ErrorKind.OVERLOADED) {
            return Level.FINE;
        }
        if (e.kind().transientFailure()) {
            return Level.WARNING;
        }
        return e.internalDetail() != null ? Level.INFO : Level.FINE;
    }

    private static Response.ResponseBuilder plain(int status, String message) {
        return Response.status(status)
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", ErrorCaching.cacheControl(status))
                .header("X-Content-Type-Options", "nosniff")
                .entity(message + "\n");
    }
}
