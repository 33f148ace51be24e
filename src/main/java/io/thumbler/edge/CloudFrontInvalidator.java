package io.thumbler.edge;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClientBuilder;

/**
 * One distribution's CreateInvalidation calls through the AWS SDK's CloudFront client. CloudFront's
 * API is global (signed for {@code aws-global}); the url-connection HTTP client is the one the WAR
 * already carries for S3.
 */
final class CloudFrontInvalidator implements AutoCloseable {

    private final CloudFrontClient client;
    private final String distributionId;

    CloudFrontInvalidator(CloudFrontSettings settings, AwsCredentialsProvider credentials) {
        CloudFrontClientBuilder builder = CloudFrontClient.builder()
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30))
                        .build())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofMinutes(2)));
        settings.endpoint().ifPresent(builder::endpointOverride);
        this.client = builder.build();
        this.distributionId = settings.distributionId().orElseThrow();
    }

    /**
     * Creates one invalidation.
     *
     * @param paths at most {@link CloudFrontSettings#MAX_PATHS_IN_PROGRESS}, each from {@link InvalidationPaths#of}
     * @return CloudFront's id of the invalidation
     * @throws software.amazon.awssdk.core.exception.SdkException when CloudFront refuses or cannot be reached
     */
    String invalidate(List<String> paths) {
        return client.createInvalidation(r -> r.distributionId(distributionId)
                .invalidationBatch(b -> b.callerReference("thumbler-" + UUID.randomUUID())
                        .paths(p -> p.quantity(paths.size()).items(paths))))
                .invalidation().id();
    }

    @Override
    public void close() {
        client.close();
    }
}
