package io.thumbler.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class InvalidationPathsTest {

    @Test
    void aRecordedPathIsSentAsTheViewerSentItEscapesIncluded() {
        String path = "/Xy_Z-9/rs:fit:300:300/plain/local:%2F%2F%2Fcat.jpg@webp";
        assertThat(InvalidationPaths.of(path)).hasValue(path);
        assertThat(InvalidationPaths.of("/sig/plain/s3://bucket/photos/cat.jpg")).hasValue("/sig/plain/s3://bucket/photos/cat.jpg");
    }

    @Test
    void unsafeAndNonAsciiCharactersArePercentEncodedAsUtf8() {
        assertThat(InvalidationPaths.of("/sig/plain/local:///a b\"c{d}.jpg")).hasValue("/sig/plain/local:///a%20b%22c%7Bd%7D.jpg");
        assertThat(InvalidationPaths.of("/sig/plain/local:///café.jpg")).hasValue("/sig/plain/local:///caf%C3%A9.jpg");
        assertThat(InvalidationPaths.of("/sig/plain/local:///\uD83D\uDC31.jpg")).hasValue("/sig/plain/local:///%F0%9F%90%B1.jpg");
    }

    @Test
    void aPathCloudFrontWouldReadAsAWildcardOrRefuseIsLeftOut() {
        assertThat(InvalidationPaths.of("/sig/plain/s3://bucket/a*b.jpg")).as("a '*' is a wildcard there").isEmpty();
        assertThat(InvalidationPaths.of("/sig/plain/s3://bucket/" + "x".repeat(InvalidationPaths.MAX_LENGTH))).isEmpty();
        assertThat(InvalidationPaths.of("relative")).isEmpty();
        String longest = "/" + "x".repeat(InvalidationPaths.MAX_LENGTH - 1);
        assertThat(InvalidationPaths.of(longest)).hasValue(longest);
    }

    @Test
    void batchesHoldAtMostTheirSizeInOrderWithoutDuplicates() {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            paths.add("/p" + i);
        }
        paths.add("/p7");

        List<List<String>> batches = InvalidationPaths.batches(paths, 1000);

        assertThat(batches).extracting(List::size).containsExactly(1000, 1000, 500);
        assertThat(batches.get(0).get(0)).isEqualTo("/p0");
        assertThat(batches.get(2).get(499)).isEqualTo("/p2499");
        assertThat(InvalidationPaths.batches(List.of(), 1000)).isEmpty();
        assertThat(InvalidationPaths.batches(List.of("/a", "/b", "/c"), 3)).containsExactly(List.of("/a", "/b", "/c"));
    }
}
