package io.thumbler.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;

/**
 * Originals from allow-listed HTTPS origins: {@code https://host[:port]/path}.
 *
 * <p>Each hop (the first request and every redirect) passes the same checks: the host, port and
 * path must be allowed ({@link AllowedSources}); every address the host resolves to must be allowed
 * ({@link AddressPolicy}), which refuses early and without a connection; and the address actually
 * connected to is checked again at connect time ({@link GuardedSocketFactory}), so a DNS answer
 * that changes between the two (rebinding) is still refused. Redirects are followed by hand, at
 * most {@code maxRedirects}. Refused hosts and addresses are 404, like a missing original.
 *
 * <p>Limits: the size cap is checked from Content-Length and again while reading; one deadline
 * (the download timeout) bounds connect, headers, body and redirects together. No proxy is used,
 * whatever the environment says, and the body is never decompressed ({@code Accept-Encoding:
 * identity}), so a gzip bomb is just its compressed bytes. The Content-Type is not trusted:
 * whatever arrives goes to the header sniffer.
 *
 * <p>Version: the ETag, else the Last-Modified date, else a SHA-256 of the bytes.
 */
public final class HttpsOriginals implements OriginalSource, AutoCloseable {

    /** Looks up every address of a host; a seam so tests can play a rebinding DNS. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<Integer> MISSING = Set.of(401, 403, 404, 410);

    private final HttpsSettings settings;
    private final long maxBytes;
    private final Duration downloadTimeout;
    private final SSLContext tls;
    private final Resolver resolver;
    private final Watchdog watchdog = new Watchdog("https");

    /**
     * @param tls the trust decisions for origins' certificates (the JDK's by default, or a
     *            configured trust store)
     */
    public HttpsOriginals(HttpsSettings settings, long maxBytes, Duration downloadTimeout, SSLContext tls) {
        this(settings, maxBytes, downloadTimeout, tls, InetAddress::getAllByName);
    }

    HttpsOriginals(HttpsSettings settings, long maxBytes, Duration downloadTimeout, SSLContext tls, Resolver resolver) {
        this.settings = settings;
        this.maxBytes = maxBytes;
        this.downloadTimeout = downloadTimeout;
        this.tls = tls;
        this.resolver = resolver;
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
            checkAllowed(uri, hop);
            checkResolvedAddresses(uri, hop);
            Answer answer = withRetries(uri, hop, deadline, inFlight);
            if (answer.original() != null) {
                return answer.original();
            }
            if (redirects >= settings.maxRedirects()) {
                throw new ThumblerException(ErrorKind.ORIGIN_FAILED, "original '" + uri + "': more than " + settings.maxRedirects()
                        + " redirects (THUMBLER_MAX_REDIRECTS)", "last redirect to " + answer.location(), null);
            }
            hop = redirectTarget(uri, hop, answer.location());
        }
    }

    private void checkAllowed(SourceUri requested, SourceUri hop) {
        if (!settings.allowed().allows(hop)) {
            String what = hop == requested ? "" : " (redirected to '" + hop + "')";
            throw ThumblerException.notFound("original '" + requested + "'" + what + ": host '"
                    + AllowedSources.hostOf(hop.authority()) + "' is not an allowed source (THUMBLER_ALLOWED_SOURCES)");
        }
    }

    /** Refuses before any connection when any answer is refused: one bad answer means a bad name. */
    private void checkResolvedAddresses(SourceUri requested, SourceUri hop) {
        String host = AllowedSources.hostOf(hop.authority());
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new ThumblerException(ErrorKind.ORIGIN_FAILED, "original '" + requested + "': host '" + host + "' cannot be resolved",
                    e.toString(), e);
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = settings.addressPolicy().refusal(address);
            if (refusal.isPresent()) {
                throw refused(requested, hop, refusal.get(), AddressPolicy.shown(address));
            }
        }
    }

    private static ThumblerException refused(SourceUri requested, SourceUri hop, String reason, String address) {
        String what = hop == requested ? "" : " (redirected to '" + hop + "')";
        return new ThumblerException(ErrorKind.NOT_FOUND, "original '" + requested + "'" + what + ": host '"
                + AllowedSources.hostOf(hop.authority()) + "' resolves to a refused address (" + reason + ")",
                "address " + address, null);
    }

    private Answer withRetries(SourceUri requested, SourceUri hop, Deadline deadline, OriginalsInFlight inFlight) {
        for (int attempt = 0; ; attempt++) {
            try {
                return exchange(requested, hop, deadline, inFlight);
            } catch (Retryable r) {
                Duration pause = Backoff.pause(attempt);
                if (attempt >= settings.retries() || deadline.remaining().compareTo(pause.multipliedBy(2)) < 0) {
                    throw r.failure;
                }
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw r.failure;
                }
            }
        }
    }

    @SuppressWarnings("try") // the watchdog only needs to be armed for the duration of the block
    private Answer exchange(SourceUri requested, SourceUri hop, Deadline deadline, OriginalsInFlight inFlight)
            throws Retryable {
        GuardedSocketFactory sockets = new GuardedSocketFactory(tls.getSocketFactory(), settings.addressPolicy(), deadline);
        HttpsURLConnection connection = open(hop, sockets, deadline);
        boolean complete = false;
        try (Watchdog.Armed armed = watchdog.arm(deadline, sockets::closeAll)) {
            int status = connection.getResponseCode();
            if (status == 200) {
                Original original = read(requested, connection, deadline, inFlight);
                complete = true;
                return new Answer(original, null);
            }
            if (REDIRECTS.contains(status)) {
                String location = connection.getHeaderField("Location");
                if (location == null || location.isBlank()) {
                    throw new ThumblerException(ErrorKind.ORIGIN_FAILED, "original '" + requested + "': the origin answered "
                            + status + " without a Location", null, null);
                }
                return new Answer(null, location);
            }
            if (MISSING.contains(status)) {
                throw new ThumblerException(ErrorKind.NOT_FOUND, "original '" + requested + "' not found", "origin answered " + status, null);
            }
            ThumblerException failure = new ThumblerException(ErrorKind.ORIGIN_FAILED, "original '" + requested + "': the origin answered "
                    + status, "from " + hop, null);
            if (status >= 500) {
                throw new Retryable(failure);
            }
            throw failure;
        } catch (IOException e) {
            throw failure(requested, hop, e, deadline);
        } finally {
            if (!complete) {
                // the socket first, so that disconnect() finds nothing left to drain
                sockets.closeAll();
                connection.disconnect();
            }
        }
    }

    private HttpsURLConnection open(SourceUri hop, GuardedSocketFactory sockets, Deadline deadline) {
        try {
            URI target = new URI("https://" + hop.authority() + "/" + hop.key());
            HttpsURLConnection c = (HttpsURLConnection) target.toURL().openConnection(Proxy.NO_PROXY);
            c.setSSLSocketFactory(sockets);
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setConnectTimeout((int) Math.min(settings.connectTimeout().toMillis(), deadline.remainingMillisForSocket()));
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

    private Original read(SourceUri requested, HttpURLConnection connection, Deadline deadline, OriginalsInFlight inFlight)
            throws IOException {
        long declared = connection.getContentLengthLong();
        if (declared > maxBytes) {
            throw ThumblerException.badOriginal("original '" + requested + "' is " + declared
                    + " bytes according to the origin; the limit is " + maxBytes + " bytes (THUMBLER_MAX_SRC_FILE_SIZE)");
        }
        OriginalsInFlight.Reservation reservation = inFlight.reserve(requested, declared >= 0 ? declared : maxBytes);
        try {
            byte[] bytes;
            try (InputStream in = connection.getInputStream()) {
                bytes = BoundedBody.read(in, requested, "the origin", declared, maxBytes, deadline);
            }
            reservation.shrinkTo(bytes.length);
            long lastModified = connection.getLastModified();
            Optional<Instant> when = lastModified > 0 ? Optional.of(Instant.ofEpochMilli(lastModified)) : Optional.empty();
            return new Original(bytes, version(connection, bytes), when, reservation);
        } catch (IOException | RuntimeException e) {
            reservation.close();
            throw e;
        }
    }

    private static String version(HttpURLConnection connection, byte[] bytes) {
        String etag = connection.getHeaderField("ETag");
        if (etag != null && !etag.isBlank()) {
            return etag.trim();
        }
        String lastModified = connection.getHeaderField("Last-Modified");
        if (lastModified != null && !lastModified.isBlank()) {
            return "last-modified:" + lastModified.trim();
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private ThumblerException failure(SourceUri requested, SourceUri hop, IOException e, Deadline deadline) throws Retryable {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RefusedAddressException refused) {
                return refused(requested, hop, refused.getMessage().replaceFirst("^.*? is ", ""), refused.getMessage());
            }
        }
        if (deadline.expired() || e instanceof SocketTimeoutException) {
            return new ThumblerException(ErrorKind.ORIGIN_TIMEOUT, "original '" + requested + "' did not arrive within the download timeout of "
                    + deadline.describeBudget(), e.toString(), e);
        }
        if (e instanceof SSLException) {
            return new ThumblerException(ErrorKind.ORIGIN_FAILED, "original '" + requested + "': the TLS connection to '"
                    + hop.authority() + "' failed", e.toString(), e);
        }
        ThumblerException failure = new ThumblerException(ErrorKind.ORIGIN_FAILED, "original '" + requested + "': the connection to '"
                + hop.authority() + "' failed", e.toString(), e);
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            throw new Retryable(failure);
        }
        return failure;
    }

    private SourceUri redirectTarget(SourceUri requested, SourceUri hop, String location) {
        String target;
        try {
            target = new URI("https://" + hop.authority() + "/" + hop.key()).resolve(location.trim()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ThumblerException(ErrorKind.ORIGIN_FAILED, "original '" + requested + "': the origin redirected to an invalid URL",
                    "Location: " + location, e);
        }
        if (!target.regionMatches(true, 0, "https://", 0, 8)) {
            throw ThumblerException.notFound("original '" + requested + "' redirects to '" + KeyGrammar.shown(target)
                    + "', which is not an https source");
        }
        try {
            return HttpsAddress.parse(target);
        } catch (ThumblerException e) {
            throw ThumblerException.notFound("original '" + requested + "' redirects to an address that is refused: "
                    + e.publicMessage());
        }
    }

    @Override
    public void close() {
        watchdog.close();
    }

    /** One hop's result: the original, or where the origin redirects. */
    private record Answer(Original original, String location) {
    }

    /** A failure worth one more attempt: the request never reached the origin, or the origin failed. */
    private static final class Retryable extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ThumblerException failure;

        Retryable(ThumblerException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }
}
