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
 * and nobody can bypass the CDN's caching and limits by calling the origin directly. The answer is {@code no-store}: a CDN must not keep it, since the next request with
 * the header is fine. Payara's Health and Metrics endpoints are let through ({@link ServerEndpoints}):
 * load balancers and scrapers do not carry the header. Keep them from the public instead: the
 * CloudFront Function answers 404 for them at the edge.
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
        if (!secrets.enabled() || ServerEndpoints.isServerEndpoint(ServerEndpoints.pathInApplication(request))
                || secrets.accepts(request.getHeader(OriginSecrets.HEADER))) {
            chain.doFilter(request, response);
            return;
        }
        LOG.fine(() -> "403 for " + request.getRemoteAddr() + ": " + (request.getHeader(OriginSecrets.HEADER) == null
                ? "no " : "a wrong ") + OriginSecrets.HEADER + " header");
        Forbidden.answer(response, "this server answers its CDN only");
    }
}
