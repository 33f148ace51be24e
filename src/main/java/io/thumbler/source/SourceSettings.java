package io.thumbler.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import io.thumbler.config.ConfigReader;
import io.thumbler.config.MaxSourceFileSize;

/**
 * Reads which origins are enabled and how they are reached; every key is documented in
 * {@code docs/sources.md}. Each kind is enabled by its own key: {@code THUMBLER_LOCAL_FILESYSTEM_ROOT}
 * (a folder), {@code THUMBLER_S3_ALLOWED_BUCKETS} (at least one bucket),
 * {@code THUMBLER_ALLOWED_SOURCES} (at least one HTTPS origin). A bad value stops startup with a
 * message that names the key.
 */
public final class SourceSettings {

    static final String LOCAL_ROOT = "thumbler.local-filesystem-root";
    static final String ORIGINALS_IN_FLIGHT_MB = "thumbler.originals-in-flight-mb";
    static final String DOWNLOAD_TIMEOUT = "thumbler.download-timeout";
    static final String CONNECT_TIMEOUT = "thumbler.source-connect-timeout";

    static final String S3_ALLOWED_BUCKETS = "thumbler.s3.allowed-buckets";
    static final String S3_REGION = "thumbler.s3.region";
    static final String S3_ENDPOINT = "thumbler.s3.endpoint";
    static final String S3_PATH_STYLE = "thumbler.s3.path-style";
    static final String S3_ACCESS_KEY = "thumbler.s3.access-key";
    static final String S3_SECRET_KEY = "thumbler.s3.secret-key";
    static final String S3_ATTEMPT_TIMEOUT = "thumbler.s3.attempt-timeout";
    static final String S3_RETRIES = "thumbler.s3.retries";
    static final String S3_BREAKER_FAILURES = "thumbler.s3.breaker-failures";
    static final String S3_BREAKER_DELAY = "thumbler.s3.breaker-delay";

    static final String ALLOWED_SOURCES = "thumbler.allowed-sources";
    static final String ALLOW_LOOPBACK = "thumbler.allow-loopback-source-addresses";
    static final String ALLOW_PRIVATE = "thumbler.allow-private-source-addresses";
    static final String ALLOW_LINK_LOCAL = "thumbler.allow-link-local-source-addresses";
    static final String MAX_REDIRECTS = "thumbler.max-redirects";
    static final String HTTPS_RETRIES = "thumbler.https.retries";
    static final String HTTPS_TRUST_STORE = "thumbler.https.trust-store";
    static final String HTTPS_TRUST_STORE_PASSWORD = "thumbler.https.trust-store-password";

    /**
     * 32 MiB of originals being read and stored at once: ten ordinary 3 MB photos, or one at the size
     * cap. Each costs about twice its size in heap while it is stored, which the shipped JVM options'
     * heap leaves room for beside the render slots and cache tiers.
     */
    static final long DEFAULT_ORIGINALS_IN_FLIGHT_MB = 32;
    /** imgproxy's default; CloudFront waits 30 s for the whole response, rendering included. */
    static final double DEFAULT_DOWNLOAD_TIMEOUT_SECONDS = 5;

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private SourceSettings() {
    }

    public static Originals read(ConfigReader config) {
        long maxBytes = MaxSourceFileSize.read(config);
        Duration downloadTimeout = Seconds.of(config.decimal(DOWNLOAD_TIMEOUT, DEFAULT_DOWNLOAD_TIMEOUT_SECONDS, 0.1, 60));
        Duration connectTimeout = Seconds.of(config.decimal(CONNECT_TIMEOUT, 2, 0.1, 60));
        List<OriginalSource> sources = new ArrayList<>();
        if (config.optional(LOCAL_ROOT).isPresent()) {
            sources.add(new LocalOriginals(config.directory(LOCAL_ROOT, "."), maxBytes));
        }
        s3(config, connectTimeout, downloadTimeout).ifPresent(s3 -> sources.add(new S3Originals(s3, maxBytes, downloadTimeout)));
        https(config, connectTimeout).ifPresent(https ->
                sources.add(new HttpsOriginals(https, maxBytes, downloadTimeout, tls(config))));
        return new Originals(sources, new OriginalsInFlight(config.longValue(ORIGINALS_IN_FLIGHT_MB,
                DEFAULT_ORIGINALS_IN_FLIGHT_MB, 1, 1 << 20) << 20));
    }

    /** The S3 settings, or empty when no bucket is allowed (S3 originals are off). */
    static Optional<S3Settings> s3(ConfigReader config, Duration connectTimeout, Duration downloadTimeout) {
        Set<String> buckets = new LinkedHashSet<>(config.list(S3_ALLOWED_BUCKETS));
        for (String bucket : buckets) {
            if (!BUCKET.matcher(bucket).matches()) {
                throw ConfigReader.invalid(S3_ALLOWED_BUCKETS, "'" + bucket + "' is not a valid S3 bucket name");
            }
        }
        Optional<URI> endpoint = config.optional(S3_ENDPOINT).map(SourceSettings::endpoint);
        Optional<String> accessKey = config.optional(S3_ACCESS_KEY);
        Optional<String> secretKey = config.optional(S3_SECRET_KEY);
        if (accessKey.isPresent() && secretKey.isEmpty()) {
            throw ConfigReader.invalid(S3_SECRET_KEY, "is required when " + S3_ACCESS_KEY + " is set");
        }
        if (secretKey.isPresent() && accessKey.isEmpty()) {
            throw ConfigReader.invalid(S3_ACCESS_KEY, "is required when " + S3_SECRET_KEY + " is set");
        }
        Optional<String> region = config.optional(S3_REGION);
        if (region.isPresent() && !region.get().matches("[a-z0-9-]{2,32}")) {
            throw ConfigReader.invalid(S3_REGION, "'" + region.get() + "' is not a region name like eu-west-1");
        }
        Duration attemptTimeout = Seconds.of(config.decimal(S3_ATTEMPT_TIMEOUT,
                Math.min(2, downloadTimeout.toMillis() / 1000.0), 0.1, 60));
        if (attemptTimeout.compareTo(downloadTimeout) > 0) {
            throw ConfigReader.invalid(S3_ATTEMPT_TIMEOUT, Seconds.describe(attemptTimeout)
                    + " is longer than the download timeout " + DOWNLOAD_TIMEOUT + " (" + Seconds.describe(downloadTimeout) + ")");
        }
        S3Settings settings = new S3Settings(buckets, region, endpoint, config.bool(S3_PATH_STYLE, false),
                accessKey, secretKey, connectTimeout, attemptTimeout, config.integer(S3_RETRIES, 2, 0, 5),
                config.integer(S3_BREAKER_FAILURES, 5, 1, 1000), Seconds.of(config.decimal(S3_BREAKER_DELAY, 10, 0.1, 3600)));
        return buckets.isEmpty() ? Optional.empty() : Optional.of(settings);
    }

    /** The HTTPS settings, or empty when no origin is allowed (HTTPS originals are off). */
    static Optional<HttpsSettings> https(ConfigReader config, Duration connectTimeout) {
        AllowedSources allowed;
        try {
            allowed = AllowedSources.parse(config.list(ALLOWED_SOURCES));
        } catch (IllegalArgumentException e) {
            throw ConfigReader.invalid(ALLOWED_SOURCES, e.getMessage());
        }
        AddressPolicy policy = new AddressPolicy(config.bool(ALLOW_LOOPBACK, false), config.bool(ALLOW_PRIVATE, false),
                config.bool(ALLOW_LINK_LOCAL, false));
        HttpsSettings settings = new HttpsSettings(allowed, policy, config.integer(MAX_REDIRECTS, 10, 0, 50),
                config.integer(HTTPS_RETRIES, 1, 0, 5), connectTimeout);
        return allowed.isEmpty() ? Optional.empty() : Optional.of(settings);
    }

    static SSLContext tls(ConfigReader config) {
        Optional<String> file = config.optional(HTTPS_TRUST_STORE);
        if (file.isEmpty()) {
            return TrustStores.jdkDefault();
        }
        Path path = Path.of(file.get());
        if (!Files.isReadable(path)) {
            throw ConfigReader.invalid(HTTPS_TRUST_STORE, "'" + file.get() + "' is not a readable file");
        }
        char[] password = config.optional(HTTPS_TRUST_STORE_PASSWORD).orElse("").toCharArray();
        try {
            return TrustStores.fromFile(path, password);
        } catch (IllegalArgumentException e) {
            throw ConfigReader.invalid(HTTPS_TRUST_STORE, e.getMessage());
        }
    }

    private static URI endpoint(String text) {
        try {
            URI uri = new URI(text);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw ConfigReader.invalid(S3_ENDPOINT, "'" + text + "' must be an http:// or https:// URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ConfigReader.invalid(S3_ENDPOINT, "'" + text + "' is not a URL: " + e.getReason());
        }
    }
}
