package io.thumbler.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.thumbler.http.RequestCompleted;

class SourceStatisticsTest {

    private final SourceStatistics stats = new SourceStatistics();

    private static RequestCompleted request(String path, int status, double fetch, double render) {
        return new RequestCompleted("GET", path, status, 100, "miss", fetch, render, fetch + render + 1);
    }

    @Test
    void namesTheSourceKindFromPlainAndBase64Paths() {
        assertThat(stats.kindOf("/rs:fit:300:300/plain/local%3A%2F%2F%2Fa.jpg@webp")).isEqualTo("local");
        assertThat(stats.kindOf("/w:100/plain/s3://bucket/key.jpg")).isEqualTo("s3");
        assertThat(stats.kindOf("/info/w:100/plain/https://example.com/a.jpg")).isEqualTo("https");
        // base64url("s3://b/k.jpg")
        assertThat(stats.kindOf("/w:100/czM6Ly9iL2suanBn.png")).isEqualTo("s3");
        assertThat(stats.kindOf("/w:100/plain/ftp://x/y")).isEqualTo("other");
        // as the request was verified: with the slashes a proxy collapsed put back
        assertThat(stats.kindOf("/w%3A100/plain/s3:/bucket/key.jpg")).isEqualTo("s3");
        assertThat(stats.kindOf("/info/w:100/plain/local:/a.jpg")).isEqualTo("local");
        assertThat(stats.kindOf("/nonsense")).isEqualTo("other");
    }

    @Test
    void countsFetchesAndErrorsThatHappenedBeforeRendering() {
        stats.record(request("/w:10/plain/s3://b/ok.jpg", 200, 12, 80));
        stats.record(request("/w:10/plain/s3://b/missing.jpg", 404, 5, 0));
        stats.record(request("/w:10/plain/https://h/slow.jpg", 504, 5000, 0));
        stats.record(request("/w:10/plain/local:///x.jpg", 422, 1, 40)); // ImageMagick refused: not a source error
        stats.record(new RequestCompleted("GET", "/w:10/plain/s3://b/hit.jpg", 200, 9, "hit", 0, 0, 1)); // no fetch

        assertThat(stats.getFetches()).isEqualTo(4);
        assertThat(stats.getFetchesByKind()).isEqualTo(Map.of("s3", 2L, "https", 1L, "local", 1L));
        assertThat(stats.getFetchErrors()).isEqualTo(2);
        assertThat(stats.getErrorsByStatus()).isEqualTo(Map.of("404", 1L, "504", 1L));
        assertThat(stats.getErrorsByKind()).isEqualTo(Map.of("s3", 1L, "https", 1L));
        assertThat(stats.getFetchMillisP99()).isGreaterThanOrEqualTo(5000);
    }
}
