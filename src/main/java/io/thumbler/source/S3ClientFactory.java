package io.thumbler.source;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the one {@link S3Client} of a deployment from its {@link S3Settings}.
 *
 * <p>The url-connection HTTP client keeps Netty and Apache HttpClient out of the WAR (the JDK's own
 * HTTP stack is enough for one GET per original, and the WAR stays free of a second one). With an
 * endpoint override the checksums are only sent when S3 requires them: S3Proxy and other
 * S3-compatible stores reject the trailing checksums the SDK sends by default since 2.30.
 */
final class S3ClientFactory {

    /** Signing region for S3-compatible stores that do not care which region is named. */
    private static final Region COMPATIBLE_STORE_REGION = Region.US_EAST_1;

    private S3ClientFactory() {
    }

    static S3Client create(S3Settings settings, Duration callTimeout) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        // bounds a read that stalls; the watchdog cannot interrupt one (see S3Originals)
                        .socketTimeout(settings.attemptTimeout())
                        .build())
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyle())
                .overrideConfiguration(o -> o
                        .apiCallTimeout(callTimeout)
                        .apiCallAttemptTimeout(settings.attemptTimeout())
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(settings.retries() + 1)
                                .build()));
        settings.region().map(Region::of).ifPresentOrElse(builder::region, () -> {
            if (settings.endpoint().isPresent()) {
                builder.region(COMPATIBLE_STORE_REGION);
            }
        });
        settings.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.accessKey().isPresent()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey().get(), settings.secretKey().orElseThrow()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
