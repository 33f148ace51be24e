package io.thumbler.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers 403 to a request whose path carried {@code ;jsessionid=}.
 *
 * <p>Why: Payara cuts {@code ;jsessionid=…} (and, in the middle of a path, everything after it)
 * out of the request path before the application sees it, whatever the session tracking mode, so
 * the signature check never sees it. Any value appended to a signed URL was accepted: an unlimited
 * number of CDN cache keys for one URL, a lever to bypass the CDN. Thumbler keeps no sessions and
 * no signed URL carries one, so such a request is refused before anything else looks at it.
 */
public class SessionIdInPathFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!request.isRequestedSessionIdFromURL()) {
            chain.doFilter(request, response);
            return;
        }
        Forbidden.answer(response, "the path carries a ;jsessionid= parameter, which no Thumbler URL has");
    }
}
