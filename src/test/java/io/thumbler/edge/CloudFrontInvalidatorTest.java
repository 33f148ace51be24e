package io.thumbler.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cloudfront.model.TooManyInvalidationsInProgressException;

import io.thumbler.config.ConfigReader;

/** The AWS SDK's CloudFront client against {@link RecordingCloudFront}: what reaches CloudFront, byte for byte. */
class CloudFrontInvalidatorTest {

    private final RecordingCloudFront cloudFront = new RecordingCloudFront();
    private final CloudFrontSettings settings = CloudFrontSettings.read(new ConfigReader(key -> Optional.ofNullable(Map.of(
            "thumbler.cloudfront.distribution-id", "E2QWRUHAPOMQZL",
            "thumbler.cloudfront.endpoint", cloudFront.endpoint().toString()).get(key))));
    private final CloudFrontInvalidator invalidator = new CloudFrontInvalidator(settings,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));

    CloudFrontInvalidatorTest() throws Exception {
    }

    @AfterEach
    void close() {
        invalidator.close();
        cloudFront.close();
    }

    @Test
    void oneSignedCreateInvalidationWithThePathsAsGiven() throws Exception {
        List<String> paths = List.of("/sig/rs:fit:300:300/plain/local:%2F%2F%2Fcat.jpg@webp", "/sig/plain/s3://b/a&b.jpg");

        String id = invalidator.invalidate(paths);
        String second = invalidator.invalidate(List.of("/x"));

        assertThat(id).isEqualTo("I1");
        assertThat(second).isEqualTo("I2");
        List<RecordingCloudFront.Call> calls = cloudFront.calls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).distributionId()).isEqualTo("E2QWRUHAPOMQZL");
        assertThat(calls.get(0).paths()).isEqualTo(paths);
        assertThat(calls.get(0).signed()).isTrue();
        assertThat(calls.get(0).callerReference()).startsWith("thumbler-")
                .as("a new reference per call, or CloudFront answers the earlier invalidation again")
                .isNotEqualTo(calls.get(1).callerReference());
        assertThat(cloudFront.unexpected()).isEmpty();
    }

    @Test
    void cloudFrontsRefusalReachesTheCallerAsItsTypedError() {
        cloudFront.refuseWithTooManyInProgress();

        assertThatThrownBy(() -> invalidator.invalidate(List.of("/x"))).isInstanceOf(TooManyInvalidationsInProgressException.class);
    }
}
