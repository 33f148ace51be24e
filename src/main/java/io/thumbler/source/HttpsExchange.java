package io.thumbler.source;

import java.io.IOException;
import java.time.Duration;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

import io.thumbler.error.ThumblerException;

/**
 * One attempt at one hop: connect, send the request, and make sense of the answer (the original,
 * where a redirect goes, or a failure). The address actually connected to is checked at connect
 * time ({@link GuardedSocketFactory}), so a DNS answer that changed since the hop's checks
 * (rebinding) is still refused; the {@link Watchdog} closes the sockets when the deadline passes,
 * so a body that trickles in cannot hold the thread past it.
 */
final class HttpsExchange {

    private final SSLContext tls;
    private final AddressPolicy addressPolicy;
    private final Duration connectTimeout;
    private final HttpsOriginalReader reader;
    private final Watchdog watchdog;

    /**
     * @param tls the trust decisions for origins' certificates
     */
    HttpsExchange(SSLContext tls, AddressPolicy addressPolicy, Duration connectTimeout, HttpsOriginalReader reader,
            Watchdog watchdog) {
        this.tls = tls;
        this.addressPolicy = addressPolicy;
        this.connectTimeout = connectTimeout;
        this.reader = reader;
        this.watchdog = watchdog;
    }

    /**
     * @throws RetryableFailure when the request did not reach the origin or the origin answered 5xx
     * @throws ThumblerException for every other failure
     */
    @SuppressWarnings("try") // the watchdog only needs to be armed for the duration of the block
    Answer send(SourceUri requested, SourceUri hop, Deadline deadline, OriginalsInFlight inFlight) throws RetryableFailure {
        GuardedSocketFactory sockets = new GuardedSocketFactory(tls.getSocketFactory(), addressPolicy, deadline);
        HttpsURLConnection connection = HttpsConnections.open(hop, sockets, connectTimeout, deadline);
        boolean complete = false;
        try (Watchdog.Armed armed = watchdog.arm(deadline, sockets::closeAll)) {
            int status = connection.getResponseCode();
            if (status == 200) {
                Original original = reader.read(requested, connection, deadline, inFlight);
                complete = true;
                return new Answer(original, null);
            }
            if (HttpsRedirects.isRedirect(status)) {
                String location = connection.getHeaderField("Location");
                if (location == null || location.isBlank()) {
                    throw HttpsRedirects.withoutLocation(requested, status);
                }
                return new Answer(null, location);
            }
            throw HttpsFailures.status(requested, hop, status);
        } catch (IOException e) {
            throw HttpsFailures.connection(requested, hop, e, deadline);
        } finally {
            if (!complete) {
                // the socket first, so that disconnect() finds nothing left to drain
                sockets.closeAll();
                connection.disconnect();
            }
        }
    }

    /** One hop's result: the original, or where the origin redirects. */
    record Answer(Original original, String location) {
    }
}
