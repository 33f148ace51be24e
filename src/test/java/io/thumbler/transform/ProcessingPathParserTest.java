package io.thumbler.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.thumbler.image.ImageFormat;

class ProcessingPathParserTest {

    private final ProcessingPathParser parser = new ProcessingPathParser();

    @Test
    void plainSourceWithExtension() {
        ProcessingPath p = parser.parse("/rs:fill:300:400/g:no/plain/local:///photos/cat.jpg@webp");
        assertThat(p.options()).containsExactly("rs:fill:300:400", "g:no");
        assertThat(p.source()).isEqualTo("local:///photos/cat.jpg");
        assertThat(p.extension()).hasValue(ImageFormat.WEBP);
    }

    @Test
    void plainSourceIsPercentDecodedExactlyOnce() {
        ProcessingPath p = parser.parse("/w:10/plain/s3%3A%2F%2Fbucket%2Fa%2520b.jpg@png");
        assertThat(p.source()).isEqualTo("s3://bucket/a%20b.jpg");
    }

    @Test
    void plainSourceWithoutExtensionLeavesTheFormatOpen() {
        assertThat(parser.parse("/plain/local:///a.jpg").extension()).isEmpty();
        assertThat(parser.parse("/plain/local:///a.jpg").options()).isEmpty();
    }

    @Test
    void anEmptyExtensionIsNoneAsInImgproxy() {
        ProcessingPath plain = parser.parse("/w:10/plain/local:///a.jpg@");
        assertThat(plain.source()).isEqualTo("local:///a.jpg");
        assertThat(plain.extension()).isEmpty();

        // base64url("local:///a.jpg"), with and without its padding
        ProcessingPath base64 = parser.parse("/w:10/bG9jYWw6Ly8vYS5qcGc.");
        assertThat(base64.source()).isEqualTo("local:///a.jpg");
        assertThat(base64.extension()).isEmpty();
        assertThat(parser.parse("/w:10/bG9jYWw6Ly8vYS5qcGc=.").extension()).isEmpty();
    }

    @Test
    void jpegExtensionIsJpeg() {
        assertThat(parser.parse("/plain/local:///a.png@jpeg").extension()).hasValue(ImageFormat.JPEG);
    }

    @Test
    void base64SourceMayBeSplitBySlashes() {
        // imgproxy's documented example path
        ProcessingPath p = parser.parse("/rs:fill:300:400:0/g:sm/aHR0cDovL2V4YW1w/bGUuY29tL2ltYWdl/cy9jdXJpb3NpdHku/anBn.png");
        assertThat(p.options()).containsExactly("rs:fill:300:400:0", "g:sm");
        assertThat(p.source()).isEqualTo("http://example.com/images/curiosity.jpg");
        assertThat(p.extension()).hasValue(ImageFormat.PNG);
    }

    @Test
    void base64SourceWithPaddingIsAccepted() {
        String enc = Base64.getUrlEncoder().encodeToString("local:///ab.jpg".getBytes(StandardCharsets.UTF_8));
        assertThat(parser.parse("/" + enc).source()).isEqualTo("local:///ab.jpg");
        assertThat(parser.parse("/" + enc).extension()).isEqualTo(Optional.empty());
    }

    @Test
    void optionsComeOnlyBeforeTheSource() {
        assertThat(parser.parse("/w:1/h:2/plain/local:///x:y/w:3.jpg").options()).isEqualTo(List.of("w:1", "h:2"));
        assertThat(parser.parse("/w:1/h:2/plain/local:///x:y/w:3.jpg").source()).isEqualTo("local:///x:y/w:3.jpg");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "w:10/plain/local:///a.jpg|the path after the signature must start with '/'",
        "/w:10/plain/|the URL names no source after /plain/",
        "/w:10|the URL names no source",
        "/w:10/plain/local:///a.jpg@jxl|output extension 'jxl' is not one of jpg, png, webp, avif, gif, tiff, bmp, ico",
        "/w:10/plain/local:///a%2|has a malformed percent-escape at position 10",
        "/w:10/plain/local:///a%ZZb|malformed percent-escape",
        "/w:10/plain/local:///a%00b.jpg|contains the control character U+0000",
        "/w:10/plain/local:///a%0d%0aSet-Cookie:x|contains the control character U+000D",
        "/w:10/plain/local:///%c0%ae%c0%ae/etc|does not decode to valid UTF-8",
        "/w:10//plain/local:///a.jpg|empty path segment among the processing options",
        "/w:10/@@@@.jpg|is not valid base64url",
    })
    void badPathsAre400NamingTheProblem(String path, String message) {
        assertThatThrownBy(() -> parser.parse(path))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining(message);
    }

    @Test
    void overlongSourcesAreRefused() {
        assertThatThrownBy(() -> parser.parse("/plain/local:///" + "a".repeat(3000)))
                .hasMessageContaining("characters long; the maximum is 2048");
    }
}
