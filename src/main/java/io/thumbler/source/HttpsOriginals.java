package io.thumbler.source;

import java.time.Duration;

import javax.net.ssl.SSLContext;

/**
 * Originals from allow-listed HTTPS origins: {@code https://host[:port]/path}.
 *
 * <p>A fetch is a chain of hops, the first request and every redirect, each passing the same
 * checks: the allow-list and the addresses its host resolves to, before any connection
 * ({@link HttpsHopChecks}), and the address actually connected to, at connect time
 * ({@link HttpsExchange}). Redirects are followed by hand, at most {@code maxRedirects}
 * ({@link HttpsRedirects}); refused connections and 5xx answers are retried with backoff
 * ({@link Retries}). Refused hosts and addresses are 404, like a missing original
 * ({@link HttpsFailures}).
 *
 * <p>Limits: the size cap is checked from Content-Length and again while reading
 * ({@link HttpsOriginalReader}); one deadline (the download timeout) bounds connect, headers, body,
 * retries and redirects together. No proxy is used and the body is never decompressed
 * ({@link HttpsConnections}).
 */
public final class HttpsOriginals implements OriginalSource, AutoCloseable {

    private final int maxRedirects;
    private final int retries;
    private final Duration downloadTimeout;
    private final HttpsHopChecks checks;
    private final HttpsExchange exchange;
    private final Watchdog watchdog = new Watchdog("https");

    /**
     * @param tls the trust decisions for origins' certificates (the JDK's by default, or a
     *            configured trust store)
     */
    public HttpsOriginals(HttpsSettings settings, long maxBytes, Duration downloadTimeout, SSLContext tls) {
        this(settings, maxBytes, downloadTimeout, tls, HostResolver.SYSTEM);
    }

    HttpsOriginals(HttpsSettings settings, long maxBytes, Duration downloadTimeout, SSLContext tls, HostResolver resolver) {
        this.maxRedirects = settings.maxRedirects();
        this.retries = settings.retries();
        this.downloadTimeout = downloadTimeout;
        this.checks = new HttpsHopChecks(settings.allowed(), settings.addressPolicy(), resolver);
        this.exchange = new HttpsExchange(tls, settings.addressPolicy(), settings.connectTimeout(), new HttpsOriginalReader(maxBytes),
                watchdog);
    }

    @Override
    public SourceUri.Scheme scheme() {
        return SourceUri.Scheme.HTTPS;
    }

    @Override
    public Original fetch(SourceUri uri, OriginalsInFlight inFlight) {
        Deadline deadline = Deadline.after(downloadTimeout);
        SourceUri hop = uri;
        for (int redirects = 0; ; redirects++) {
            checks.check(uri, hop);
            SourceUri current = hop;
            HttpsExchange.Answer answer = Retries.run(retries, deadline, () -> exchange.send(uri, current, deadline, inFlight));
            if (answer.original() != null) {
                return answer.original();
            }
            if (redirects >= maxRedirects) {
                throw HttpsRedirects.tooMany(uri, maxRedirects, answer.location());
            }
            hop = HttpsRedirects.target(uri, hop, answer.location());
        }
    }

    @Override
    public void close() {
        watchdog.close();
    }
}
