package io.thumbler.source;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Originals from S3 or an S3-compatible store: {@code s3://bucket/key[?versionId=ID]}.
 *
 * <p>Only buckets in {@code THUMBLER_S3_ALLOWED_BUCKETS} are read; any other is 404 before S3 is
 * asked. The object's ContentLength is checked against the size cap before the body is read, and
 * the body is counted while it is read. Every fetch is bounded by the download timeout: the SDK's
 * call timeout covers the request up to S3's headers (retries included); the body is covered by
 * the deadline check after every read and by the socket read timeout (the attempt timeout), so a
 * body that stalls ends at worst one attempt timeout after the download timeout. There is no
 * watchdog here: aborting a url-connection stream from another thread makes the JDK drain the
 * rest of the body while it holds the stream's lock, which blocks the reader until S3 gives up.
 * A {@link CircuitBreaker} answers 503 at once after repeated failures.
 *
 * <p>The client is created on first use, so the service starts (and answers local sources) while
 * S3 is unreachable or its credentials are not yet in place.
 *
 * <p>Version: the object's VersionId when the bucket is versioned, else its ETag.
 */
public final class S3Originals implements OriginalSource, AutoCloseable {

    private final S3Settings settings;
    private final long maxBytes;
    private final Duration downloadTimeout;
    private final CircuitBreaker breaker;
    private final Supplier<S3Client> clientFactory;
    private volatile S3Client client;

    public S3Originals(S3Settings settings, long maxBytes, Duration downloadTimeout) {
        this(settings, maxBytes, downloadTimeout, () -> S3ClientFactory.create(settings, downloadTimeout));
    }

    /** @param clientFactory called once, on first use (a test counts the calls) */
    S3Originals(S3Settings settings, long maxBytes, Duration downloadTimeout, Supplier<S3Client> clientFactory) {
        this.settings = settings;
        this.maxBytes = maxBytes;
        this.downloadTimeout = downloadTimeout;
        this.breaker = new CircuitBreaker(settings.breakerFailures(), settings.breakerOpenFor());
        this.clientFactory = clientFactory;
    }

    @Override
    public SourceUri.Scheme scheme() {
        return SourceUri.Scheme.S3;
    }

    @Override
    public Optional<String> circuit() {
        return Optional.of(breaker.state());
    }

    @Override
    public Original fetch(SourceUri uri, OriginalsInFlight inFlight) {
        if (!settings.allowedBuckets().contains(uri.authority())) {
            throw S3Failures.notFound(uri, "bucket '" + uri.authority() + "' is not in THUMBLER_S3_ALLOWED_BUCKETS", null);
        }
        if (!breaker.tryAcquire()) {
            long seconds = Math.max(1, (breaker.retryAfter().toMillis() + 999) / 1000);
            throw new ThumblerException(ErrorKind.ORIGIN_UNAVAILABLE, "original '" + uri + "': S3 is failing and is not being called for "
                    + seconds + " s", "circuit open", null, (int) seconds);
        }
        boolean healthy = false;
        try {
            Original original = download(uri, inFlight);
            healthy = true;
            return original;
        } catch (ThumblerException e) {
            // a 4xx is S3 answering correctly about this object, a spent budget is this server's
            // state; only outages count against S3
            healthy = !e.kind().originFault();
            throw e;
        } finally {
            if (healthy) {
                breaker.onSuccess();
            } else {
                breaker.onFailure();
            }
        }
    }

    private Original download(SourceUri uri, OriginalsInFlight inFlight) {
        Deadline deadline = Deadline.after(downloadTimeout);
        GetObjectRequest request = GetObjectRequest.builder()
                .bucket(uri.authority())
                .key(uri.key())
                .versionId(uri.versionId().orElse(null))
                .build();
        ResponseInputStream<GetObjectResponse> body;
        try {
            body = client().getObject(request);
        } catch (SdkException e) {
            throw S3Failures.map(uri, e, deadline, settings.attemptTimeout());
        }
        boolean complete = false;
        OriginalsInFlight.Reservation reservation = null;
        try {
            GetObjectResponse response = body.response();
            Long length = response.contentLength();
            if (length != null && length > maxBytes) {
                throw ThumblerException.badOriginal("original '" + uri + "' is " + length
                        + " bytes according to S3; the limit is " + maxBytes + " bytes (THUMBLER_MAX_SRC_FILE_SIZE)");
            }
            reservation = inFlight.reserve(uri, length != null ? length : maxBytes);
            byte[] bytes = BoundedBody.read(body, uri, "S3", length != null ? length : -1, maxBytes, deadline);
            reservation.shrinkTo(bytes.length);
            complete = true;
            return new Original(bytes, version(response), Optional.ofNullable(response.lastModified()), reservation);
        } catch (IOException e) {
            if (deadline.expired() || e instanceof InterruptedIOException) {
                throw BoundedBody.tooSlow(uri, deadline, e);
            }
            throw new ThumblerException(ErrorKind.ORIGIN_FAILED, "original '" + uri + "': the connection to S3 failed while reading",
                    e.toString(), e);
        } finally {
            if (!complete && reservation != null) {
                reservation.close();
            }
            close(body, complete);
        }
    }

    private static String version(GetObjectResponse response) {
        if (response.versionId() != null && !response.versionId().isEmpty() && !"null".equals(response.versionId())) {
            return response.versionId();
        }
        String etag = response.eTag() == null ? "" : response.eTag();
        return etag.startsWith("\"") && etag.endsWith("\"") && etag.length() >= 2 ? etag.substring(1, etag.length() - 1) : etag;
    }

    /** An unread body is aborted, not closed: closing would drain the rest of an oversized object. */
    private static void close(ResponseInputStream<GetObjectResponse> body, boolean complete) {
        if (!complete) {
            body.abort();
        }
        try {
            body.close();
        } catch (IOException | RuntimeException ignored) {
            // the connection is discarded either way
        }
    }

    /**
     * Creates the client and resolves one object URL offline: on a busy machine the SDK's first use
     * (endpoint rules, signers, marshallers) costs seconds that would otherwise eat the first
     * request's download deadline.
     */
    @Override
    public void warmUp() {
        String bucket = settings.allowedBuckets().iterator().next();
        client().utilities().getUrl(b -> b.bucket(bucket).key("warm-up"));
    }

    private S3Client client() {
        S3Client c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    try {
                        c = clientFactory.get();
                    } catch (SdkException | IllegalArgumentException e) {
                        throw new ThumblerException(ErrorKind.ORIGIN_FAILED, "S3 originals are not available: the S3 client could not be created",
                                e.toString(), e);
                    }
                    client = c;
                }
            }
        }
        return c;
    }

    @Override
    public void close() {
        S3Client c = client;
        if (c != null) {
            c.close();
        }
    }
}
