package io.thumbler.source;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * How to reach S3 and which buckets may be read.
 *
 * @param allowedBuckets    buckets sources may name; any other bucket is 404
 * @param region            signing region; empty means the SDK's default region chain
 *                          ({@code AWS_REGION}, profile, instance metadata) at first use
 * @param endpoint          an S3-compatible endpoint (MinIO, Ceph, S3Proxy) instead of AWS
 * @param pathStyle         {@code http://endpoint/bucket/key} instead of virtual-host style
 * @param accessKey         static access key id; empty means the SDK's default credential chain
 * @param secretKey         the secret for {@code accessKey}
 * @param connectTimeout    TCP connect bound of one attempt
 * @param attemptTimeout    bound of one attempt until S3's response headers arrive
 * @param retries           retries after the first attempt (connection failures, 5xx, throttling)
 * @param breakerFailures   consecutive failed fetches that open the circuit
 * @param breakerOpenFor    how long the circuit stays open before one trial call
 */
public record S3Settings(Set<String> allowedBuckets, Optional<String> region, Optional<URI> endpoint,
        boolean pathStyle, Optional<String> accessKey, Optional<String> secretKey, Duration connectTimeout,
        Duration attemptTimeout, int retries, int breakerFailures, Duration breakerOpenFor) {

    public S3Settings {
        allowedBuckets = Set.copyOf(allowedBuckets);
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException("an S3 access key needs its secret key, and the other way round");
        }
    }

    /** Never prints the secret key. */
    @Override
    public String toString() {
        return "S3Settings[allowedBuckets=" + allowedBuckets + ", region=" + region.orElse("(default chain)")
                + ", endpoint=" + endpoint.map(URI::toString).orElse("(AWS)") + ", pathStyle=" + pathStyle
                + ", credentials=" + accessKey.map(k -> "static " + k).orElse("(default chain)")
                + ", connectTimeout=" + connectTimeout + ", attemptTimeout=" + attemptTimeout + ", retries=" + retries
                + ", breakerFailures=" + breakerFailures + ", breakerOpenFor=" + breakerOpenFor + "]";
    }
}
