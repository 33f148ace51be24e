package io.thumbler.edge;

import java.net.URI;
import java.util.Optional;

import io.thumbler.config.ConfigReader;

/**
 * The CloudFront invalidation settings, validated at startup.
 *
 * @param distributionId {@code THUMBLER_CLOUDFRONT_DISTRIBUTION_ID}: the distribution in front of
 *                       Thumbler; none switches invalidation (and path recording) off
 * @param endpoint       {@code THUMBLER_CLOUDFRONT_ENDPOINT}: another CloudFront API endpoint than
 *                       AWS's (tests point it at a local recorder)
 * @param batchPaths     {@code THUMBLER_CLOUDFRONT_BATCH_PATHS}: paths per CreateInvalidation call
 */
public record CloudFrontSettings(Optional<String> distributionId, Optional<URI> endpoint, int batchPaths) {

    static final String DISTRIBUTION_KEY = "thumbler.cloudfront.distribution-id";
    static final String ENDPOINT_KEY = "thumbler.cloudfront.endpoint";
    static final String BATCH_KEY = "thumbler.cloudfront.batch-paths";

    /** CloudFront accepts at most this many paths in progress per distribution, so one call can carry no more. */
    static final int MAX_PATHS_IN_PROGRESS = 3000;

    public boolean enabled() {
        return distributionId.isPresent();
    }

    public static CloudFrontSettings read(ConfigReader config) {
        Optional<String> id = config.optional(DISTRIBUTION_KEY).map(String::trim).filter(s -> !s.isEmpty());
        id.ifPresent(d -> {
            if (!d.matches("[A-Z0-9]{1,64}")) {
                throw ConfigReader.invalid(DISTRIBUTION_KEY, "'" + d
                        + "' is not a CloudFront distribution id (upper-case letters and digits, e.g. E2QWRUHAPOMQZL)");
            }
        });
        Optional<URI> endpoint = config.optional(ENDPOINT_KEY).map(e -> endpoint(e.trim()));
        int batch = config.integer(BATCH_KEY, 1000, 1, MAX_PATHS_IN_PROGRESS);
        return new CloudFrontSettings(id, endpoint, batch);
    }

    private static URI endpoint(String value) {
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ConfigReader.invalid(ENDPOINT_KEY, "'" + value + "' is not an http(s) URL such as https://cloudfront.amazonaws.com");
    }
}
