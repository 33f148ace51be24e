package io.thumbler.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import io.thumbler.cache.SourcePurged;
import io.thumbler.config.ConfigReader;

/** What a purge hands to CloudFront, and that nothing CloudFront does can fail the purge. */
class CloudFrontInvalidationsTest {

    private final RecordingCloudFront cloudFront = new RecordingCloudFront();
    private final CloudFrontInvalidations invalidations = new CloudFrontInvalidations();

    CloudFrontInvalidationsTest() throws Exception {
    }

    private void start(Executor executor, String batchPaths) {
        CloudFrontSettings settings = CloudFrontSettings.read(new ConfigReader(key -> Optional.ofNullable(Map.of(
                "thumbler.cloudfront.distribution-id", "E2QWRUHAPOMQZL",
                "thumbler.cloudfront.endpoint", cloudFront.endpoint().toString(),
                "thumbler.cloudfront.batch-paths", batchPaths).get(key))));
        invalidations.start(settings, executor, StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
    }

    @AfterEach
    void close() {
        invalidations.close();
        cloudFront.close();
    }

    @Test
    void aPurgesRecordedPathsGoOutInBatchesAndAPathWithAStarIsLeftOut() {
        start(Runnable::run, "2");
        Set<String> paths = new LinkedHashSet<>(List.of("/s1/plain/local:%2F%2F%2Fa.jpg", "/s2/plain/local:///a.jpg@webp",
                "/s3/plain/local:///a b.jpg", "/s4/plain/s3://b/a*.jpg"));

        invalidations.purged(new SourcePurged("local:///a.jpg", paths));

        assertThat(cloudFront.calls()).extracting(RecordingCloudFront.Call::paths).containsExactly(
                List.of("/s1/plain/local:%2F%2F%2Fa.jpg", "/s2/plain/local:///a.jpg@webp"),
                List.of("/s3/plain/local:///a%20b.jpg"));
        assertThat(invalidations.getInvalidations()).isEqualTo(2);
        assertThat(invalidations.getInvalidatedPaths()).isEqualTo(3);
        assertThat(invalidations.getSkippedPaths()).isEqualTo(1);
        assertThat(invalidations.getLastInvalidationId()).isEqualTo("I2");
        assertThat(invalidations.getFailures()).isZero();
    }

    @Test
    void aRefusalIsCountedWithItsReasonAndThePurgeGoesOn() {
        start(Runnable::run, "1000");
        cloudFront.refuseWithTooManyInProgress();

        invalidations.purged(new SourcePurged("local:///a.jpg", Set.of("/s/plain/local:///a.jpg")));

        assertThat(invalidations.getFailures()).isEqualTo(1);
        assertThat(invalidations.getLastFailure()).startsWith("local:///a.jpg: ").contains("TooManyInvalidationsInProgress");
        assertThat(invalidations.getInvalidations()).isZero();
    }

    @Test
    void aFullExecutorIsAFailureNotAnException() {
        start(task -> {
            throw new RejectedExecutionException("no thread left");
        }, "1000");

        invalidations.purged(new SourcePurged("local:///a.jpg", Set.of("/s/plain/local:///a.jpg")));

        assertThat(invalidations.getFailures()).isEqualTo(1);
        assertThat(cloudFront.calls()).isEmpty();
    }

    @Test
    void nothingRecordedOrNothingConfiguredSendsNothing() {
        start(Runnable::run, "1000");
        invalidations.purged(new SourcePurged("local:///a.jpg", Set.of()));
        assertThat(cloudFront.calls()).isEmpty();

        CloudFrontInvalidations off = new CloudFrontInvalidations();
        off.start(CloudFrontSettings.read(new ConfigReader(key -> Optional.empty())), Runnable::run, null);
        off.purged(new SourcePurged("local:///a.jpg", Set.of("/s/plain/local:///a.jpg")));
        assertThat(off.isEnabled()).isFalse();
        assertThat(cloudFront.calls()).isEmpty();
    }
}
