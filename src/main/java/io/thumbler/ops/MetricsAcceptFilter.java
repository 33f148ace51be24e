package io.thumbler.ops;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Content negotiation for Payara's {@code /metrics}, which sits in Thumbler's root context and so
 * behind its filters. Payara Micro 6.2025.10 serves one format, the Prometheus text format as
 * {@code text/plain}, and answered {@code Accept: application/openmetrics-text} with 406 and an HTML
 * error page. Every OpenMetrics scraper also reads the Prometheus text format and goes by the
 * response's {@code Content-Type}, so such a request is served the text. An {@code Accept} that
 * admits neither gets a plain-text 406 naming what is offered; any other error Payara's endpoint
 * reports (an unknown scope, say) is plain text too, without the server's name and version.
 */
@WebFilter(urlPatterns = {"/metrics", "/metrics/*"}, asyncSupported = true)
public class MetricsAcceptFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** What Payara's endpoint writes, and what a request is told to accept instead of OpenMetrics. */
    static final String TEXT = "text/plain";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String accept = request.getHeader("Accept");
        HttpServletResponse plainErrors = new PlainTextErrors(response);
        switch (negotiate(accept)) {
            case AS_IS -> chain.doFilter(request, plainErrors);
            case TEXT_INSTEAD -> chain.doFilter(new AcceptingText(request), plainErrors);
            case NOT_ACCEPTABLE -> plainErrors.sendError(HttpServletResponse.SC_NOT_ACCEPTABLE,
                    "/metrics is served as text/plain (the Prometheus text format, which OpenMetrics scrapers read too); "
                            + "the request's Accept: " + accept + " admits neither text/plain nor application/openmetrics-text");
        }
    }

    enum Outcome { AS_IS, TEXT_INSTEAD, NOT_ACCEPTABLE }

    /** What to do for an {@code Accept} header ({@code null} when the request has none). */
    static Outcome negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Outcome.AS_IS;
        }
        boolean openMetrics = false;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            if (refused(parts)) {
                continue;
            }
            if (type.equals(TEXT) || type.equals("text/*") || type.equals("*/*")) {
                return Outcome.AS_IS;
            }
            openMetrics |= type.equals("application/openmetrics-text");
        }
        return openMetrics ? Outcome.TEXT_INSTEAD : Outcome.NOT_ACCEPTABLE;
    }

    /** {@code q=0}: the client says it does not want this type. */
    private static boolean refused(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String p = parameters[i].trim().toLowerCase(Locale.ROOT);
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2).trim()) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /** The request with {@code Accept: text/plain}, so that Payara's endpoint serves it. */
    private static final class AcceptingText extends HttpServletRequestWrapper {

        AcceptingText(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return "Accept".equalsIgnoreCase(name) ? TEXT : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Accept".equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(TEXT)) : super.getHeaders(name);
        }
    }

    /** Error answers as one plain-text line instead of the container's HTML page. */
    private static final class PlainTextErrors extends HttpServletResponseWrapper {

        PlainTextErrors(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, "status " + status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (isCommitted()) {
                super.sendError(status, message);
                return;
            }
            resetBuffer();
            setStatus(status);
            setContentType("text/plain;charset=UTF-8");
            setHeader("Cache-Control", "no-store");
            PrintWriter out = getWriter();
            out.print(message + "\n");
            out.flush();
        }
    }
}
