package io.thumbler.transform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxyRewritesTest {

    /**
     * imgproxy's cases ({@code handlers/path_test.go}, v3 {@code fix_path_test.go}), written as
     * Thumbler's path after the signature: it always keeps its leading '/', where imgproxy v4 drops it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "http                         | /plain/http:/example.com/image.jpg                       | /plain/http://example.com/image.jpg",
        "https                        | /plain/https:/example.com/image.jpg                      | /plain/https://example.com/image.jpg",
        "local gets three slashes     | /plain/local:/image.jpg                                  | /plain/local:///image.jpg",
        "with options                 | /rs:fill:300:200/plain/http:/example.com/image.jpg       | /rs:fill:300:200/plain/http://example.com/image.jpg",
        "already normal               | /plain/http://example.com/image.jpg                      | /plain/http://example.com/image.jpg",
        "protocol missing             | /rs:fill:300:200/plain/example.com/image.jpg             | /rs:fill:300:200/plain/example.com/image.jpg",
        "single slash                 | /                                                        | /",
        "no plain prefix              | /http:/example.com/image.jpg                             | /http:/example.com/image.jpg",
        "no protocol                  | /plain/example.com/image.jpg                             | /plain/example.com/image.jpg",
        "ends with protocol           | /plain/http:                                             | /plain/http:",
        "only protocol                | /plain/http:/test                                        | /plain/http://test",
        "deep path                    | /rs:fill:300:200/plain/https:/example.com/path/to/image.jpg | /rs:fill:300:200/plain/https://example.com/path/to/image.jpg",
        "escaped colons, plain        | /rs%3Afill%3A300%3A200/plain/https://example.com/path/to/image.jpg | /rs:fill:300:200/plain/https://example.com/path/to/image.jpg",
        "escaped colons, base64       | /rs%3Afill%3A300%3A200/abc/abc                           | /rs:fill:300:200/abc/abc",
        "v3: http                     | /width:100/height:100/plain/http:/example.com/image.jpg  | /width:100/height:100/plain/http://example.com/image.jpg",
        "v3: local                    | /width:100/height:100/plain/local:/image.jpg             | /width:100/height:100/plain/local:///image.jpg",
        "v3: both                     | /width%3A100/height%3A100/plain/local:/image.jpg         | /width:100/height:100/plain/local:///image.jpg",
        "v3: base64                   | /width%3A100/height%3A100/abc/abc                        | /width:100/height:100/abc/abc",
        "v3: empty source             | /width%3A100/height%3A100/plain/                         | /width:100/height:100/plain/",
    })
    void undoesWhatImgproxyUndoes(String name, String received, String verified) {
        assertThat(ProxyRewrites.undo(received)).isEqualTo(verified);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "s3 bucket and key            | /w:10/plain/s3:/bucket/a/b.jpg@webp                      | /w:10/plain/s3://bucket/a/b.jpg@webp",
        "local with extension         | /w:10/plain/local:/photos/a.jpg@png                      | /w:10/plain/local:///photos/a.jpg@png",
        "empty path                   | ''                                                       | ''",
        "only the first /plain/ splits | /w%3A10/plain/local:/plain/x%3Ay.jpg                    | /w:10/plain/local:///plain/x%3Ay.jpg",
    })
    void restoresThumblersSchemes(String name, String received, String verified) {
        assertThat(ProxyRewrites.undo(received)).isEqualTo(verified);
    }

    /** Nothing looser than imgproxy: these pass through as received. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "lower-case escape is not a colon      | /rs%3afill%3a300/plain/local:///a.jpg",
        "escapes in the plain source stay      | /w:10/plain/local%3A%2F%2F%2Fa%3Ab.jpg@png",
        "other collapsed slashes stay          | /w:10/plain/local:///a/b.jpg",
        "an empty option segment stays         | /w:10//plain/local:///a.jpg",
        "two slashes are not made three        | /w:10/plain/local://a.jpg",
        "other escapes in the options stay     | /fn%3Dx/w%2F10/plain/local:///a.jpg",
    })
    void leavesEverythingElseAsReceived(String name, String received) {
        assertThat(ProxyRewrites.undo(received)).isEqualTo(received);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // imgproxy's pattern is greedy: the last ':/' before a non-slash is the one rewritten
        "a later ':/' in an unencoded source  | /w:10/plain/https://h/a:/b.jpg       | /w:10/plain/https://h/a://b.jpg",
        "a collapsed scheme and a later ':/'  | /w:10/plain/https:/h/a:/b.jpg        | /w:10/plain/https:/h/a://b.jpg",
    })
    void rewritesTheLastSchemeLikeSeparatorAsImgproxysPatternDoes(String name, String received, String verified) {
        assertThat(ProxyRewrites.undo(received)).isEqualTo(verified);
    }
}
