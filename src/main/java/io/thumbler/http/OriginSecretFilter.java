package io.thumbler.http;

import java.io.IOException;
import java.util.logging.Logger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers 403 to any request that does not carry one of the configured {@link OriginSecrets} in
 * {@code X-Origin-Secret}, so only CloudFront (which adds the header) reaches the renderer
 * (CDN-1). The answer is {@code no-store}: a CDN must not keep it, since the next request with
 * the header is fine. MicroProfile Health and Metrics live outside the application and are not
 * affected; keep them off the public network instead.
 */
public class OriginSecretFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(OriginSecretFilter.class.getName());

    private final transient OriginSecrets secrets;

    public OriginSecretFilter(OriginSecrets secrets) {
        this.secrets = secrets;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!secrets.enabled() || secrets.accepts(request.getHeader(OriginSecrets.HEADER))) {
            chain.doFilter(request, response);
            return;
        }
        LOG.fine(() -> "403 for " + request.getRemoteAddr() + ": " + (request.getHeader(OriginSecrets.HEADER) == null
                ? "no " : "a wrong ") + OriginSecrets.HEADER + " header");
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("this server answers its CDN only\n");
    }
}
