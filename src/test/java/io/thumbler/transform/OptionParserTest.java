package io.thumbler.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OptionParserTest {

    private final OptionParser parser = new OptionParser();

    private Transform parse(String options) {
        return parser.parse(options.isEmpty() ? List.of() : Arrays.asList(options.split("/")));
    }

    @Test
    void defaultsAreImgproxys() {
        Transform t = parse("");
        assertThat(t.resizeType()).isEqualTo(ResizeType.FIT);
        assertThat(t.width()).isZero();
        assertThat(t.height()).isZero();
        assertThat(t.enlarge()).isFalse();
        assertThat(t.extend().enabled()).isFalse();
        assertThat(t.gravity()).isEqualTo(Gravity.CENTER);
        assertThat(t.canonical()).isEmpty();
    }

    @Test
    void resizeSetsEveryPart() {
        Transform t = parse("rs:fill:300:400:1:t");
        assertThat(t.resizeType()).isEqualTo(ResizeType.FILL);
        assertThat(t.width()).isEqualTo(300);
        assertThat(t.height()).isEqualTo(400);
        assertThat(t.enlarge()).isTrue();
        assertThat(t.extend().enabled()).isTrue();
    }

    @Test
    void emptyArgumentsKeepWhatWasSet() {
        Transform t = parse("w:500/rs:fill::300");
        assertThat(t.width()).isEqualTo(500);
        assertThat(t.height()).isEqualTo(300);
        assertThat(t.resizeType()).isEqualTo(ResizeType.FILL);
    }

    @Test
    void laterOptionsOverrideEarlierOnes() {
        assertThat(parse("w:100/width:200").width()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rs:fill:300:200|resize:fill:300:200",
        "rs:fill:300:200|s:300:200/rt:fill",
        "rs:fill:300:200|w:300/h:200/resizing_type:fill",
        "rs:fill:300:200|rt:fill/size:300:200:0:0",
        "rs:fit:300:200|s:300:200",
        "s:300:200|rs::300:200:false",
        "g:ce|rs:fit",
        "g:nowe|gravity:nowe:0:0",
        "q:80|quality:80",
        "f:jpg|format:jpeg",
        "f:png|ext:png",
        "el:1|enlarge:true",
        "el:0/w:10|w:10",
    })
    void urlsThatMeanTheSameRenderHaveOneCanonicalForm(String a, String b) {
        assertThat(parse(a).canonical()).isEqualTo(parse(b).canonical());
        assertThat(parse(a)).isEqualTo(parse(b));
    }

    @Test
    void canonicalFormHasAFixedOrderAndShortNames() {
        assertThat(parse("q:70/g:so/h:200/w:300/rt:fill/el:1").canonical())
                .isEqualTo("rt:fill/w:300/h:200/el:1/g:so/q:70");
        assertThat(parse("g:ea:10:0.5").canonical()).isEqualTo("g:ea:10:0.5");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sparkle:1|unknown processing option 'sparkle' in 'sparkle:1'",
        "RS:fit:1:1|unknown processing option 'RS'",
        "w:abc|option 'width' (written 'w'): width 'abc' is not a whole number",
        "w:-1|width '-1' is not a whole number",
        "w:+300|width '+300' is not a whole number",
        "w:0300|width '0300' is not a whole number",
        "w:3e2|width '3e2' is not a whole number",
        "w:0x12C|width '0x12C' is not a whole number",
        "w:99999|option 'width' (written 'w'): width 99999 is above the maximum of 8192",
        "w:10000000000|width '10000000000' is not a whole number",
        "h:NaN|option 'height' (written 'h'): height 'NaN' is not a whole number",
        "w|option 'width' (written 'w'): takes 1 argument, got 0 in 'w'",
        "w:1:2|takes 1 argument, got 2 in 'w:1:2'",
        "rs:fit:1:2:0:0:ce:0:0:9|option 'resize' (written 'rs'): takes 1 to 8 arguments, got 9",
        "rs:stretch|resizing type 'stretch' is not one of fit, fill, fill-down, force, auto",
        "g:up|option 'gravity' (written 'g'): gravity 'up' is not one of ce, no, so, ea, we, noea, nowe, soea, sowe",
        "g:no:x|gravity' (written 'g'): x offset 'x' is not a number",
        "el:yes|enlarge 'yes' is not a boolean",
        "q:101|quality 101 is above the maximum of 100",
        "f:pdf|option 'format' (written 'f'): format 'pdf' is not one of jpg, png, webp, avif, gif, tiff, bmp, ico",
        "ext:svg|format 'svg' is not one of",
    })
    void badOptionsAre400NamingOptionAndValue(String options, String message) {
        assertThatThrownBy(() -> parse(options))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((InvalidOptionException) e).status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "t", "true"})
    void imgproxyTrueSpellings(String v) {
        assertThat(parse("el:" + v).enlarge()).isTrue();
    }
}
