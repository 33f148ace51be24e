package io.thumbler.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/** Starts a {@link RequestTimings} for every request and writes it as {@code Server-Timing} on every response, errors included. */
@Provider
@PreMatching
public class ServerTimingFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        servletRequest.setAttribute(RequestTimings.ATTRIBUTE, new RequestTimings());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object timings = servletRequest.getAttribute(RequestTimings.ATTRIBUTE);
        if (timings instanceof RequestTimings t) {
            response.getHeaders().putSingle("Server-Timing", t.header());
        }
    }

    /** This request's timings; a fresh one when the filter did not run (e.g. in unit tests). */
    public static RequestTimings of(HttpServletRequest request) {
        Object t = request.getAttribute(RequestTimings.ATTRIBUTE);
        if (t instanceof RequestTimings timings) {
            return timings;
        }
        RequestTimings fresh = new RequestTimings();
        request.setAttribute(RequestTimings.ATTRIBUTE, fresh);
        return fresh;
    }
}
