package io.thumbler.source;

import java.io.IOException;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

import javax.net.ssl.HttpsURLConnection;

import io.thumbler.error.ThumblerException;

/**
 * Sets up the JDK's {@link HttpsURLConnection} for one hop: through the fetch's
 * {@link GuardedSocketFactory}, never through a proxy (whatever the environment says), without
 * following redirects (each hop is checked first) or caching, with socket timeouts bounded by the
 * fetch's deadline, and asking for the body as it is stored ({@code Accept-Encoding: identity}), so
 * that a gzip bomb stays its compressed bytes.
 */
final class HttpsConnections {

    private HttpsConnections() {
    }

    /**
     * Creates the connection; nothing is sent until its response is asked for.
     *
     * @throws ThumblerException 400 when the hop is not a URL the JDK can request
     */
    static HttpsURLConnection open(SourceUri hop, GuardedSocketFactory sockets, Duration connectTimeout, Deadline deadline) {
        try {
            URI target = new URI("https://" + hop.authority() + "/" + hop.key());
            HttpsURLConnection c = (HttpsURLConnection) target.toURL().openConnection(Proxy.NO_PROXY);
            c.setSSLSocketFactory(sockets);
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setConnectTimeout((int) Math.min(connectTimeout.toMillis(), deadline.remainingMillisForSocket()));
            c.setReadTimeout(deadline.remainingMillisForSocket());
            c.setRequestProperty("Accept", "image/*, */*;q=0.5");
            c.setRequestProperty("Accept-Encoding", "identity");
            c.setRequestProperty("User-Agent", "Thumbler");
            // each fetch has its own socket factory, so a kept-alive connection would never be reused
            c.setRequestProperty("Connection", "close");
            return c;
        } catch (URISyntaxException | IOException | IllegalArgumentException e) {
            throw ThumblerException.badRequest("source '" + hop + "' cannot be requested: " + e.getMessage());
        }
    }
}
