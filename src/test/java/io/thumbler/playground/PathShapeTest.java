package io.thumbler.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.thumbler.error.ThumblerException;

class PathShapeTest {

    private final PathShape cut = new PathShape();

    @ParameterizedTest
    @ValueSource(strings = {
        "/rs:fit:300:200/plain/local%3A%2F%2F%2FLadyBird.jpg@webp",
        "/w:300/plain/local:///LadyBird.jpg",
        "/c:0.5:0.5/rot:90/fl:1:0/bg:ffffff/pd:10/bl:2/sh:0.5/dpr:2/pr:thumb/plain/s3%3A%2F%2Fphotos%2Fa%2Fb.jpg@avif",
        "/sparkle:9/plain/local%3A%2F%2F%2Fa.jpg@jpg",
        "/rs:fill:300:400:0/g:sm/aHR0cHM6Ly9leGFtcGxlLmNvbS9hLmpwZw.png",
        "/g:fp:0.5:0.25/plain/https%3A%2F%2Fexample.com%2Fa.jpg",
    })
    void acceptsProcessingPaths(String path) {
        assertThat(cut.require(path)).isEqualTo(path);
    }

    @Test
    void returnsThePathTheThumbnailEndpointVerifiesSoTheSignedUrlWorks() {
        assertThat(cut.require("/rs%3Afit%3A300%3A200/plain/local:/LadyBird.jpg@webp"))
                .isEqualTo("/rs:fit:300:200/plain/local:///LadyBird.jpg@webp");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "relative/plain/local%3A%2F%2F%2Fa.jpg | path 'relative/plain/local%3A%2F%2F%2Fa.jpg' must start with '/'",
        "/w:1/plain/local%3A%2F%2F%2Fa.jpg?x=1 | contains a character that must be percent-encoded",
        "/w:1/plain/local%3A%2F%2F%2Fa b.jpg | contains a character that must be percent-encoded",
        "/w:1/plain/local%3A%2F%2F%2Fa.jpg#top | contains a character that must be percent-encoded",
        "/W:1/plain/local%3A%2F%2F%2Fa.jpg | path segment 'W:1' is not a processing option",
        "/w:1/plain/ftp%3A%2F%2Fhost%2Fa.jpg@jpg | has an unsupported scheme 'ftp'",
        "/w:1/plain/local%3A%2F%2F%2F..%2Fetc%2Fpasswd | contains a '..' path segment",
        "/w:1/plain/local%3A%2F%2F%2Fa.jpg@pdf | output extension 'pdf' is not one of",
        "/health/ready | does not decode to valid UTF-8",
        "/w:1/plain/ | names no source",
    })
    void refusesAnythingElseNamingWhy(String path, String problem) {
        assertThatThrownBy(() -> cut.require(path)).isInstanceOf(ThumblerException.class)
                .hasMessageContaining(problem)
                .extracting(e -> ((ThumblerException) e).status()).isEqualTo(400);
    }

    @Test
    void refusesMissingAndOverlongPaths() {
        assertThatThrownBy(() -> cut.require("")).hasMessageStartingWith("path is missing");
        assertThatThrownBy(() -> cut.require(null)).hasMessageStartingWith("path is missing");
        String tooLong = "/w:1".repeat(PathShape.MAX_LENGTH / 4) + "/plain/local%3A%2F%2F%2Fa.jpg";
        assertThatThrownBy(() -> cut.require(tooLong))
                .hasMessage("path is " + tooLong.length() + " characters long; the maximum is " + PathShape.MAX_LENGTH);
    }
}
