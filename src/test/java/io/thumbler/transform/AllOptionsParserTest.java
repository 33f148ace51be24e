package io.thumbler.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.thumbler.image.ImageFormat;
import io.thumbler.testing.LoggedWarnings;

/** Every option of the URL language: both spellings, one canonical form, and the 400 messages. */
class AllOptionsParserTest {

    private static final Presets PRESETS = Presets.parse("thumb=rs:fill:200:200/q:70,sharp=sh:0.7,nested=pr:thumb/bl:2");

    private static Transform parse(String options) {
        return parse(new OptionParser(PRESETS, false), options);
    }

    private static Transform parse(OptionParser p, String options) {
        return p.parse(options.isEmpty() ? List.of() : Arrays.asList(options.split("/")));
    }

    @ParameterizedTest(name = "{0} == {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "min-width:100|mw:100|mw:100",
        "min-height:50|mh:50|mh:50",
        "zoom:2|z:2:2|z:2:2",
        "zoom:0.5:1.5|z:0.5:1.5|z:0.5:1.5",
        "dpr:2|dpr:2.0|dpr:2",
        "dpr:1|w:0|''",
        "extend:1:so:0:5|ex:true:so::5|ex:1:so:0:5",
        "rs:fit:10:10:0:1:nowe|s:10:10::1/ex:1:nowe|w:10/h:10/ex:1:nowe",
        "extend_aspect_ratio:1:no|exar:t:no|exar:1:no",
        "extend_ar:1|exar:1|exar:1",
        "gravity:fp:0.5:0.25|g:fp:0.50:0.250|g:fp:0.5:0.25",
        "gravity:sm|g:sm|g:sm",
        "gravity:ce:0:0|g:ce|''",
        "crop:100:200|c:100:200|c:100:200",
        "crop:0.5:0.5:nowe:10:10|c:0.5:0.5:nowe:10:10|c:0.5:0.5:nowe:10:10",
        "crop:100.7|c:100|c:100:0",
        "trim:10|t:10::0:0|t:10::0:0",
        "trim:10:FFF:1:1|t:10:ffffff:t:t|t:10:ffffff:1:1",
        "padding:10|pd:10:10:10:10|pd:10:10:10:10",
        "padding:10:20|pd:10:20:10:20|pd:10:20:10:20",
        "padding:1:2:3|pd:1:2:3:2|pd:1:2:3:2",
        "auto_rotate:0|ar:false|ar:0",
        "auto_rotate:1|ar:t|''",
        "rotate:-90|rot:270|rot:270",
        "rotate:450|rot:90|rot:90",
        "rotate:360|rot:0|''",
        "flip:1:0|fl:t|fl:1:0",
        "flip:0:1|fl::1|fl:0:1",
        "background:255:128:0|bg:ff8000|bg:ff8000",
        "background:f80|bg:FF8800|bg:ff8800",
        "bg:ff8000/bg|w:0|''",
        "blur:2.5|bl:2.50|bl:2.5",
        "sharpen:0.7|sh:0.7|sh:0.7",
        "pixelate:8|pix:8|pix:8",
        "quality:70|q:70|q:70",
        "format_quality:jpeg:70:webp:60|fq:webp:60:jpg:70|fq:jpg:70:webp:60",
        "max_bytes:10000|mb:10000|mb:10000",
        "format:jpeg|f:jpg|f:jpg",
        "ext:webp|f:webp|f:webp",
        "strip_metadata:0|sm:f|sm:0",
        "keep_copyright:0|kcr:false|kcr:0",
        "strip_color_profile:0|scp:0|scp:0",
        "cachebuster:v2|cb:v2|cb:v2",
        "preset:thumb|pr:thumb|rt:fill/w:200/h:200/q:70",
        "pr:thumb:sharp|rs:fill:200:200/q:70/sh:0.7|rt:fill/w:200/h:200/sh:0.7/q:70",
        "pr:nested|rs:fill:200:200/q:70/bl:2|rt:fill/w:200/h:200/bl:2/q:70",
        "rs:fill:300:400/q:90/pr:thumb|pr:thumb|rt:fill/w:200/h:200/q:70",
        "s:300:200|w:300/h:200|w:300/h:200",
    })
    void twoSpellingsOneCanonicalForm(String a, String b, String canonical) {
        assertThat(parse(a).canonical()).isEqualTo(canonical);
        assertThat(parse(b).canonical()).isEqualTo(canonical);
        assertThat(parse(a)).isEqualTo(parse(b));
    }

    @Test
    void deliveryOptionsChangeHeadersNotTheRender() {
        Transform t = parse("exp:4102444800/fn:holiday/att:1/w:10");
        assertThat(t.canonical()).isEqualTo("w:10");
        assertThat(t.delivery().expires()).contains(Instant.ofEpochSecond(4102444800L));
        assertThat(t.delivery().filename()).contains("holiday");
        assertThat(t.delivery().attachment()).isTrue();
        assertThat(parse("fn:aG9saWRheSDwn4y0:1").delivery().filename()).contains("holiday 🌴");
        assertThat(t.delivery().expiredAt(Instant.ofEpochSecond(4102444800L))).isTrue();
        assertThat(t.delivery().expiredAt(Instant.ofEpochSecond(4102444799L))).isFalse();
    }

    @Test
    void expiresZeroNeverExpiresAsInImgproxy() {
        assertThat(parse("exp:0/w:10").delivery().expires()).isEmpty();
        assertThat(parse("expires:0").delivery().expiredAt(Instant.now())).isFalse();
        assertThat(parse("exp:4102444800/exp:0").delivery().expires()).as("a later exp replaces an earlier one").isEmpty();
        assertThat(parse("exp:1").delivery().expiredAt(Instant.now())).as("any timestamp above 0 can expire").isTrue();
    }

    @Test
    void defaultsFollowImgproxy() {
        Transform t = parse("");
        assertThat(t.autoRotate()).isTrue();
        assertThat(t.encoding().stripMetadata()).isTrue();
        assertThat(t.encoding().keepCopyright()).isTrue();
        assertThat(t.encoding().stripColorProfile()).isTrue();
        assertThat(t.zoomX()).isEqualTo(1);
        assertThat(t.dpr()).isEqualTo(1);
        assertThat(t.background()).isEmpty();
        assertThat(t.crop().enabled()).isFalse();
        assertThat(t.trim().enabled()).isFalse();
    }

    @Test
    void formatQualityIsPerFormatAndQualityWins() {
        Encoding e = parse("fq:webp:60:avif:40").encoding();
        assertThat(e.formatQuality()).isEqualTo(Map.of(ImageFormat.WEBP, 60, ImageFormat.AVIF, 40));
        assertThat(e.qualityFor(ImageFormat.WEBP)).isEqualTo(60);
        assertThat(e.qualityFor(ImageFormat.JPEG)).isZero();
        assertThat(parse("fq:webp:60/q:90").encoding().qualityFor(ImageFormat.WEBP)).isEqualTo(90);
    }

    @Test
    void theDefaultPresetAppliesFirst() {
        OptionParser p = new OptionParser(Presets.parse("default=q:60/sm:0,thumb=w:100"), false);
        assertThat(parse(p, "").canonical()).isEqualTo("q:60/sm:0");
        assertThat(parse(p, "q:90").canonical()).isEqualTo("q:90/sm:0");
    }

    @Test
    void presetsOnlyModeRefusesEveryOtherOption() {
        OptionParser p = new OptionParser(Presets.parse("default=q:60,thumb=w:100"), true);
        assertThat(parse(p, "pr:thumb").canonical()).isEqualTo("w:100/q:60");
        assertThatThrownBy(() -> parse(p, "pr:thumb/w:200"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("only presets are allowed (presets-only mode), not 'w:200'");
    }

    @Test
    void presetsFromAFileSkipCommentsAndRejectBadLines() {
        Presets file = Presets.parse(List.of("# thumbnails", "", "small=w:100", "big = w:900/q:90"));
        assertThat(file.size()).isEqualTo(2);
        assertThat(parse(new OptionParser(file, false), "pr:big").canonical()).isEqualTo("w:900/q:90");
        assertThatThrownBy(() -> Presets.parse(List.of("oops")))
                .hasMessage("preset 'oops' is not name=options (name of letters, digits, '_', '.', '-')");
        assertThatThrownBy(() -> Presets.parse("a=w:1,a=w:2")).hasMessage("preset 'a' is defined twice");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mw:-5|option 'min-width' (written 'mw'): min width '-5' is not a whole number",
        "z:0|option 'zoom' (written 'z'): zoom 0 is not above 0 and at most 8",
        "dpr:9|option 'dpr': dpr 9 is not above 0 and at most 8",
        "ex:1:sm|option 'extend' (written 'ex'): gravity 'sm' is not one of ce, no, so, ea, we, noea, nowe, soea, sowe, fp",
        "g:fp:0.5|gravity 'fp' takes x and y (0 to 1), got 1 values",
        "g:fp:1.5:0|focus point x 1.5 is not between 0 and 1",
        "g:sm:1|gravity 'sm' takes no offsets",
        "c:-1|option 'crop' (written 'c'): width -1 is not between 0 and 8192",
        "c:abc|width 'abc' is not a number",
        "t:300|option 'trim' (written 't'): threshold 300 is not between 0 and 255",
        "t:10:zzz|colour 'zzz' is not a hex colour (rrggbb or rgb)",
        "pd:a|option 'padding' (written 'pd'): top 'a' is not a whole number",
        "rot:45|option 'rotate' (written 'rot'): angle 45 is not a multiple of 90",
        "fl:2|option 'flip' (written 'fl'): horizontal '2' is not a boolean",
        "bg:1:2|option 'background' (written 'bg'): takes a hex colour or R:G:B, got 2 values",
        "bg:256:0:0|red 256 is above the maximum of 255",
        "bg:gg0000|colour 'gg0000' is not a hex colour",
        "bl:-1|option 'blur' (written 'bl'): sigma -1 is not between 0 and 100",
        "sh:x|option 'sharpen' (written 'sh'): sigma 'x' is not a number",
        "pix:1.5|option 'pixelate' (written 'pix'): size '1.5' is not a whole number",
        "fq:webp|option 'format_quality' (written 'fq'): takes 2 to 16 arguments, got 1",
        "fq:webp:60:avif|takes format:quality pairs, got 3 values",
        "fq:jxl:60|format 'jxl' is not one of jpg, png, webp, avif, gif, tiff, bmp, ico",
        "mb:lots|option 'max_bytes' (written 'mb'): bytes 'lots' is not a whole number",
        "sm:maybe|option 'strip_metadata' (written 'sm'): strip_metadata 'maybe' is not a boolean",
        "kcr:2|option 'keep_copyright' (written 'kcr'): keep_copyright '2' is not a boolean",
        "scp:x|option 'strip_color_profile' (written 'scp')",
        "exp:soon|option 'expires' (written 'exp'): timestamp 'soon' is not a whole number of seconds",
        "fn:a\"b|option 'filename' (written 'fn'): filename 'a\"b' contains the character U+0022",
        "fn:***:1|filename '***' is not valid base64url",
        "att:yes|option 'return_attachment' (written 'att'): return_attachment 'yes' is not a boolean",
        "pr:nope|option 'preset' (written 'pr'): preset 'nope' is not defined",
        "ar:2|option 'auto_rotate' (written 'ar')",
    })
    void badValuesAre400NamingOptionAndValue(String options, String message) {
        assertThatThrownBy(() -> parse(options))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((InvalidOptionException) e).status()).isEqualTo(400);
    }

    @Test
    void aPresetLoopIsSkippedWithAWarningAsInImgproxy() {
        // imgproxy's TestParsePathPresetLoopDetection: no error, both presets apply
        OptionParser p = new OptionParser(Presets.parse("test1=resizing_type:fill/preset:test2,test2=blur:0.2/preset:test1"), false);
        List<String> warnings = new ArrayList<>();

        Transform t = LoggedWarnings.collect(OptionParser.class, warnings, () -> parse(p, "preset:test1"));

        assertThat(t.resizeType()).isEqualTo(ResizeType.FILL);
        assertThat(t.blur()).isEqualTo(0.2);
        assertThat(warnings).containsExactly("preset loop test1 → test2 → test1: the repeated preset 'test1' is skipped there");
    }

    @Test
    void aPresetThatNamesItselfIsSkippedThereAndEverythingElseApplies() {
        OptionParser p = new OptionParser(Presets.parse("loop=w:10/pr:loop:other/h:20,other=q:50"), false);
        List<String> warnings = new ArrayList<>();

        Transform t = LoggedWarnings.collect(OptionParser.class, warnings, () -> parse(p, "pr:loop"));

        assertThat(t.canonical()).isEqualTo("w:10/h:20/q:50");
        assertThat(warnings).containsExactly("preset loop loop → loop: the repeated preset 'loop' is skipped there");
    }

    @Test
    void theDefaultPresetIsExpandedAsPresetDefault() {
        OptionParser p = new OptionParser(Presets.parse("default=q:60/pr:default"), false);
        List<String> warnings = new ArrayList<>();

        Transform t = LoggedWarnings.collect(OptionParser.class, warnings, () -> parse(p, "w:10"));

        assertThat(t.canonical()).isEqualTo("w:10/q:60");
        assertThat(warnings).containsExactly("preset loop default → default: the repeated preset 'default' is skipped there");
    }

    @Test
    void onlyARepeatWithinOneChainIsALoop() {
        OptionParser twice = new OptionParser(Presets.parse("a=pr:b/pr:b,b=w:10"), false);
        String deepChain = "p0=pr:p1,p1=pr:p2,p2=pr:p3,p3=pr:p4,p4=pr:p5,p5=pr:p6,p6=pr:p7,p7=pr:p8,p8=pr:p9,p9=pr:p10,p10=w:7";
        OptionParser deep = new OptionParser(Presets.parse(deepChain), false);
        List<String> warnings = new ArrayList<>();

        assertThat(LoggedWarnings.collect(OptionParser.class, warnings, () -> parse(twice, "pr:a/pr:b")).canonical()).isEqualTo("w:10");
        assertThat(LoggedWarnings.collect(OptionParser.class, warnings, () -> parse(deep, "pr:p0")).canonical()).isEqualTo("w:7");
        assertThat(warnings).isEmpty();
    }
}
