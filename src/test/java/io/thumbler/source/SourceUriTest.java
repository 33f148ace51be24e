package io.thumbler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.thumbler.error.ThumblerException;

/** The key grammar and the three address forms. */
class SourceUriTest {

    @Test
    void parsesTheThreeKinds() {
        assertThat(SourceUri.parse("local:///a/b.jpg"))
                .isEqualTo(new SourceUri(SourceUri.Scheme.LOCAL, "", "a/b.jpg", "local:///a/b.jpg"));
        assertThat(SourceUri.parse("s3://my-bucket/photos/cat.jpg"))
                .isEqualTo(new SourceUri(SourceUri.Scheme.S3, "my-bucket", "photos/cat.jpg", "s3://my-bucket/photos/cat.jpg"));
        assertThat(SourceUri.parse("HTTPS://Images.Example.com:8443/a/b.jpg?w=1"))
                .isEqualTo(new SourceUri(SourceUri.Scheme.HTTPS, "images.example.com:8443", "a/b.jpg?w=1",
                        "HTTPS://Images.Example.com:8443/a/b.jpg?w=1"));
    }

    @Test
    void anS3VersionIsNamedWithVersionIdOrImgproxysBareQuery() {
        SourceUri named = SourceUri.parse("s3://bkt/k/cat.jpg?versionId=3/L4kqtJlcpX+rm.Sp_Xd=");
        assertThat(named.key()).isEqualTo("k/cat.jpg");
        assertThat(named.versionId()).contains("3/L4kqtJlcpX+rm.Sp_Xd=");
        assertThat(SourceUri.parse("s3://bkt/cat.jpg?abc123").versionId()).contains("abc123");
        assertThat(SourceUri.parse("s3://bkt/cat.jpg").versionId()).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://bkt/cat.jpg?", "s3://bkt/cat.jpg?versionId=", "s3://bkt/cat.jpg?versionId=a&x=1",
            "s3://bkt/cat.jpg?a b"})
    void aMalformedVersionIsRefused(String source) {
        assertThatThrownBy(() -> SourceUri.parse(source)).isInstanceOf(ThumblerException.class)
                .hasMessageContaining("is not a version; write s3://bucket/key?versionId=ID")
                .extracting(e -> ((ThumblerException) e).status()).isEqualTo(400);
    }

    /** dot segments, empty segments, leading and trailing '/'; for S3 and local alike. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "s3://bkt/../etc/passwd | contains a '..' path segment",
        "s3://bkt/a/./b.jpg     | contains a '.' path segment",
        "s3://bkt/a//b.jpg      | contains an empty path segment ('//')",
        "s3://bkt//a.jpg        | has a key that starts or ends with '/'",
        "s3://bkt/a/            | has a key that starts or ends with '/'",
        "local:///../x.jpg     | contains a '..' path segment",
        "local:////etc/passwd  | has a key that starts or ends with '/'",
        "local:///a/..         | contains a '..' path segment"})
    void dotAndEmptySegmentsAreRefused(String source, String problem) {
        assertBadRequest(source, problem);
    }

    /** what is left after the one decode (the URL layer decodes exactly once). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "s3://bkt/%2e%2e/x.jpg  | still contains '%' after decoding",
        "s3://bkt/%252e%252e/x  | still contains '%' after decoding",
        "s3://bkt/..%2fx.jpg    | still contains '%' after decoding",
        "local:///a%2Fb.jpg    | still contains '%' after decoding",
        "s3://bkt/..\\x.jpg     | contains a backslash",
        "s3://bkt/a\uFFFD.jpg   | contains U+FFFD"})
    void encodedTraversalIsRefused(String source, String problem) {
        assertBadRequest(source, problem);
    }

    /** NUL, control characters and CR LF (header injection). */
    @ParameterizedTest
    @ValueSource(strings = {"s3://bkt/a\u0000.jpg", "s3://bkt/a\r\nX-Injected: 1", "local:///a\u0007.jpg", "s3://bkt/a\u0085.jpg"})
    void controlCharactersAreRefused(String source) {
        assertThatThrownBy(() -> SourceUri.parse(source)).isInstanceOf(ThumblerException.class)
                .hasMessageContaining("contains the control character U+")
                .hasMessageNotContaining("\r").hasMessageNotContaining("\n").hasMessageNotContaining("\u0000");
    }

    /** ImageMagick syntax never reaches ImageMagick, and the grammar refuses it too. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "s3://bkt/x.jpg[99999x99999] | contains the character '['",
        "s3://bkt/msl:x              | has a ':' in its first path segment",
        "local:///text:/etc/passwd  | has a ':' in its first path segment",
        "s3://bkt/@list              | has a path segment starting with '@'",
        "s3://bkt/-resize            | has a path segment starting with '-'",
        "s3://bkt/a/-resize          | has a path segment starting with '-'",
        "s3://bkt/a<b.jpg            | contains the character '<'"})
    void imageMagickSyntaxIsRefused(String source, String problem) {
        assertBadRequest(source, problem);
    }

    /** no normalisation (S3 compares bytes), but invisible formatting characters are refused. */
    @Test
    void unicodeKeysAreTakenByteForByteAndInvisibleCharactersRefused() {
        String nfc = "s3://bkt/caf\u00e9.jpg";
        String nfd = "s3://bkt/cafe\u0301.jpg";
        assertThat(SourceUri.parse(nfc).key()).isEqualTo("caf\u00e9.jpg");
        assertThat(SourceUri.parse(nfd).key()).isEqualTo("cafe\u0301.jpg");
        assertThat(SourceUri.parse("s3://bkt/a\uff0fb.jpg").key()).isEqualTo("a\uff0fb.jpg");
        assertThat(SourceUri.parse("s3://bkt/\ud83d\udc31.jpg").key()).isEqualTo("\ud83d\udc31.jpg");
        assertBadRequest("s3://bkt/gpj.\u202eexe", "invisible formatting character U+202E");
        assertBadRequest("s3://bkt/a\u200b.jpg", "invisible formatting character U+200B");
        assertBadRequest("s3://bkt/a\u2066.jpg", "invisible formatting character U+2066");
    }

    @Test
    void keysAreBoundedInUtf8Bytes() {
        assertThat(SourceUri.parse("s3://bkt/" + "a".repeat(1024)).key()).hasSize(1024);
        assertBadRequest("s3://bkt/" + "\u00e9".repeat(513), "has a key of 1026 bytes; the maximum is 1024");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "s3://Bad_Bucket/a.jpg | 'Bad_Bucket' is not a valid S3 bucket name",
        "s3://a..b/a.jpg       | 'a..b' is not a valid S3 bucket name",
        "s3://bucket           | must have the form s3://bucket/key",
        "ftp://host/a.jpg      | has an unsupported scheme 'ftp'"})
    void badBucketsAndSchemesAreRefused(String source, String problem) {
        assertBadRequest(source, problem);
    }

    /** U20 at the parse stage: numeric hosts other than a dotted quad mean different things to different resolvers. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://2130706433/a.jpg    | host '2130706433' is a numeric address that is not a canonical dotted quad",
        "https://0177.0.0.1/a.jpg    | host '0177.0.0.1' is a numeric address that is not a canonical dotted quad",
        "https://127.1/a.jpg         | has no host",
        "https://0x7f.1/a.jpg        | has no host",
        "https://0x7f000001/a.jpg    | host '0x7f000001' is a numeric address"})
    void ambiguousNumericHostsAreRefused(String source, String problem) {
        assertBadRequest(source, problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://allowed.example.com@evil.example/a.jpg | must not carry user info",
        "http://images.example.com/a.jpg                | has an unsupported scheme 'http'",
        "https://images.example.com/a/../b.jpg          | has a '.' or '..' path segment",
        "https://images.example.com/a/%2e%2E/b.jpg      | has a '.' or '..' path segment",
        "https://images.example.com/a/%2F../b.jpg       | has an encoded '/' or '\\' in its path",
        "https://images.example.com/a//b.jpg            | contains an empty path segment"})
    void httpsAddressesAreParsedStrictly(String source, String problem) {
        assertBadRequest(source, problem);
    }

    @Test
    void httpsPathsKeepTheirOwnPercentEncoding() {
        assertThat(SourceUri.parse("https://img.example.com/a%20b.jpg").key()).isEqualTo("a%20b.jpg");
        assertThat(SourceUri.parse("https://[::1]:8443/a.jpg").authority()).isEqualTo("[::1]:8443");
    }

    private static void assertBadRequest(String source, String problem) {
        assertThatThrownBy(() -> SourceUri.parse(source)).isInstanceOf(ThumblerException.class)
                .hasMessageContaining(problem)
                .extracting(e -> ((ThumblerException) e).status()).isEqualTo(400);
    }
}
