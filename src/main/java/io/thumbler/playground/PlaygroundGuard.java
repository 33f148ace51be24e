package io.thumbler.playground;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.thumbler.config.ConfigReader;
import io.thumbler.http.ErrorCaching;

/**
 * Answers 404 for {@code /playground} and everything under it unless {@code THUMBLER_PLAYGROUND}
 * is on, so that a production deployment neither serves the page nor signs paths for strangers.
 *
 * <p>A servlet filter rather than a check in each resource: it runs before JAX-RS matches
 * anything, so no endpoint added here later can forget it, and the answer is the same plain 404 as
 * for any unknown path.
 */
@WebFilter(urlPatterns = {"/playground", "/playground/*"})
public class PlaygroundGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The switch: {@code thumbler.playground} / {@code THUMBLER_PLAYGROUND}, off unless set. */
    static final String KEY = "thumbler.playground";

    @Inject
    transient ConfigReader config;

    private boolean on;

    public PlaygroundGuard() {
    }

    /** For tests: a guard over the given configuration. */
    PlaygroundGuard(ConfigReader config) {
        this.config = config;
    }

    /** Reads the switch once: the configuration does not change while the application runs. */
    @Override
    public void init() {
        on = config.bool(KEY, false);
    }

    boolean isOn() {
        return on;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (on) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = "Not Found\n".getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", ErrorCaching.cacheControl(404));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
