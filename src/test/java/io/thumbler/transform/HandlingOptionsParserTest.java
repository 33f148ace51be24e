package io.thumbler.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.thumbler.error.ThumblerException;
import io.thumbler.image.ImageFormat;

/**
 * skip_processing, raw, enforce_thumbnail, preserve_hdr, the security options and the info
 * options, with the facts of imgproxy's parser tests ({@code processing_options_test.go}).
 */
class HandlingOptionsParserTest {

    private static final OptionParser STRICT = new OptionParser(Presets.NONE, false, false);
    private static final OptionParser ALLOWING = new OptionParser(Presets.NONE, false, true);

    private static Transform parse(OptionParser p, String options) {
        return p.parse(options.isEmpty() ? List.of() : Arrays.asList(options.split("/")));
    }

    @Test
    void skipProcessingListsFormatsAsImgproxyParsesSkpJpgPng() {
        Passthrough p = parse(STRICT, "skp:jpg:png").passthrough();
        assertThat(p.skipFormats()).containsExactlyInAnyOrder("jpg", "png");
        assertThat(p.raw()).isFalse();
    }

    @Test
    void skipProcessingRefusesAnUnknownFormatNamingIt() {
        // imgproxy: "Invalid image format in skip_processing: bad_format"
        assertThatThrownBy(() -> parse(STRICT, "skp:jpg:png:bad_format"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith("option 'skip_processing' (written 'skp'): format 'bad_format' is not one of jpeg, jpg,");
        assertThatThrownBy(() -> parse(STRICT, "skp:JPG")).as("names are case-sensitive, as imgproxy's registry")
                .hasMessageContaining("format 'JPG'");
    }

    @ParameterizedTest(name = "{0} == {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "skip_processing:jpeg:png|skp:png:jpg|skp:jpg:png",
        "skp:png/skp:webp|skp:webp:png|skp:png:webp",
        "skp:jpg/skp:jpeg|skp:jpg|skp:jpg",
        "raw:1|raw:true|raw:1",
        "raw:0|w:0|''",
        "enforce_thumbnail:1|eth:t|eth:1",
        "eth:0|w:0|''",
        "preserve_hdr:1|ph:true|ph:1",
        "ph:1/ph:0|w:0|''",
    })
    void twoSpellingsOneCanonicalForm(String a, String b, String canonical) {
        assertThat(parse(STRICT, a).canonical()).isEqualTo(canonical);
        assertThat(parse(STRICT, b).canonical()).isEqualTo(canonical);
    }

    @Test
    void preserveHdrAndEnforceThumbnailAreBooleans() {
        // imgproxy: /ph:1/ → PreserveHDR true
        assertThat(parse(STRICT, "ph:1").preserveHdr()).isTrue();
        assertThat(parse(STRICT, "eth:1").enforceThumbnail()).isTrue();
        assertThat(parse(STRICT, "").preserveHdr()).isFalse();
        assertThat(parse(STRICT, "").enforceThumbnail()).isFalse();
        assertThatThrownBy(() -> parse(STRICT, "ph:yes"))
                .hasMessage("option 'preserve_hdr' (written 'ph'): preserve_hdr 'yes' is not a boolean (1, t, true, 0, f, false)");
    }

    @Test
    void passthroughFollowsImgproxysShouldSkipStandardProcessing() {
        Passthrough skp = parse(STRICT, "skp:jpg:png").passthrough();
        assertThat(skp.passes(ImageFormat.JPEG, Optional.empty())).as("listed, no output named").isTrue();
        assertThat(skp.passes(ImageFormat.JPEG, Optional.of(ImageFormat.JPEG))).as("listed, output is the source's format").isTrue();
        assertThat(skp.passes(ImageFormat.JPEG, Optional.of(ImageFormat.WEBP))).as("another output named").isFalse();
        assertThat(skp.passes(ImageFormat.GIF, Optional.empty())).as("not listed").isFalse();
        Passthrough raw = parse(STRICT, "raw:1").passthrough();
        assertThat(raw.passes(ImageFormat.GIF, Optional.of(ImageFormat.PNG))).as("raw passes everything").isTrue();
        assertThat(Passthrough.NONE.passes(ImageFormat.JPEG, Optional.empty())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"max_src_resolution:10", "msr:10", "max_src_file_size:1000", "msfs:1000",
        "max_animation_frames:2", "maf:2", "max_animation_frame_resolution:1", "mafr:1",
        "max_result_dimension:100", "mrd:100", "msr:bad"})
    void securityOptionsAre403UnlessAllowedAsInImgproxy(String option) {
        assertThatThrownBy(() -> parse(STRICT, option))
                .isInstanceOf(ForbiddenOptionException.class)
                .satisfies(e -> assertThat(((ThumblerException) e).status()).isEqualTo(403))
                .hasMessageContaining("security options are not allowed (THUMBLER_ALLOW_SECURITY_OPTIONS is off)")
                .hasMessageStartingWith("option '");
    }

    @Test
    void securityOptionsNameTheOptionWhenForbidden() {
        assertThatThrownBy(() -> parse(STRICT, "w:10/mrd:100"))
                .hasMessageStartingWith("option 'max_result_dimension' (written 'mrd'): ");
    }

    @Test
    void securityPresetsAreForbiddenToo() {
        OptionParser p = new OptionParser(Presets.parse("big=msr:100"), false, false);
        assertThatThrownBy(() -> parse(p, "pr:big")).isInstanceOf(ForbiddenOptionException.class);
    }

    @Test
    void allowedSecurityOptionsParseAsImgproxyDoes() {
        SecurityOptions s = parse(ALLOWING, "msr:0.5/msfs:1000/maf:3/mafr:0.25/mrd:100").security();
        assertThat(s).isEqualTo(new SecurityOptions(0.5, 1000, 3, 0.25, 100));
        assertThat(parse(ALLOWING, "msr:0.5/msfs:1000/maf:3/mafr:0.25/mrd:100").canonical())
                .isEqualTo("msr:0.5/msfs:1000/maf:3/mafr:0.25/mrd:100");
        assertThat(parse(ALLOWING, "max_src_resolution:0").security().maxSrcResolution())
                .as("0 megapixels is a limit (it refuses every original), as in imgproxy").isZero();
        assertThat(parse(ALLOWING, "msr:0").canonical()).isEqualTo("msr:0");
        assertThat(parse(ALLOWING, "msfs:0").canonical()).as("imgproxy: a file size of 0 is no limit").isEmpty();
        assertThat(parse(ALLOWING, "").security().any()).isFalse();
    }

    @Test
    void securityOptionsTakeAnyWholeNumberAnArgumentMayWrite() {
        assertThat(parse(ALLOWING, "msfs:999999999/maf:999999999/mrd:999999999").security())
                .isEqualTo(new SecurityOptions(-1, 999_999_999, 999_999_999, 0, 999_999_999));
        assertThatThrownBy(() -> parse(ALLOWING, "maf:1000000000"))
                .hasMessage("option 'max_animation_frames' (written 'maf'): frames '1000000000' is not a whole number");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "msr:-1|option 'max_src_resolution' (written 'msr'): megapixels -1 is not a positive number or 0",
        "mafr:abc|option 'max_animation_frame_resolution' (written 'mafr'): megapixels 'abc' is not a number",
        "maf:0|option 'max_animation_frames' (written 'maf'): frames 0 is not a positive number",
        "maf:-2|option 'max_animation_frames' (written 'maf'): frames '-2' is not a whole number",
        "msfs:1e6|option 'max_src_file_size' (written 'msfs'): size '1e6' is not a whole number",
        "mrd:1.5|option 'max_result_dimension' (written 'mrd'): dimension '1.5' is not a whole number",
        "msr:1:2|option 'max_src_resolution' (written 'msr'): takes 1 argument, got 2 in 'msr:1:2'",
    })
    void badSecurityValuesAre400(String options, String message) {
        assertThatThrownBy(() -> parse(ALLOWING, options)).isInstanceOf(InvalidOptionException.class).hasMessage(message);
    }

    @Test
    void infoUrlsReadOnlyTheSecurityOptionsOfTheServersParserNotItsPresets() {
        OptionParser server = new OptionParser(Presets.parse("default=msfs:5"), true, true);
        assertThat(InfoOptions.parse(List.of("msr:1"), server).security())
                .as("presets-only mode and the default preset are for processing URLs")
                .isEqualTo(new SecurityOptions(1, 0, 0, 0, 0));
        assertThatThrownBy(() -> InfoOptions.parse(List.of("pr:x"), server)).hasMessage("unknown info option 'pr' in 'pr:x'");
    }

    @Test
    void infoOptionsSelectFieldsAndAcceptWhatThumblerCannotAnswer() {
        InfoOptions defaults = InfoOptions.parse(List.of(), STRICT);
        assertThat(defaults).isEqualTo(InfoOptions.DEFAULTS);
        InfoOptions o = InfoOptions.parse(List.of("s:0", "format:false", "d:f", "exif:1", "iptc:0", "xmp:1", "vm:1",
                "do:1", "video_meta:0", "detect_objects:t", "cb:v2"), STRICT);
        assertThat(o.size()).isFalse();
        assertThat(o.format()).isFalse();
        assertThat(o.dimensions()).isFalse();
        assertThat(InfoOptions.parse(List.of("size:1", "f:1", "dimensions:1"), STRICT)).isEqualTo(InfoOptions.DEFAULTS);
    }

    @Test
    void infoOptionsShareExpiryAndTheSecurityGate() {
        InfoOptions o = InfoOptions.parse(List.of("exp:4102444800"), STRICT);
        assertThat(o.expiredAt(Instant.ofEpochSecond(4102444800L))).isTrue();
        assertThat(InfoOptions.parse(List.of("exp:0"), STRICT).expires()).isEmpty();
        assertThatThrownBy(() -> InfoOptions.parse(List.of("msr:1"), STRICT)).isInstanceOf(ForbiddenOptionException.class);
        assertThat(InfoOptions.parse(List.of("msr:1", "msfs:10"), ALLOWING).security()).isEqualTo(new SecurityOptions(1, 10, 0, 0, 0));
    }

    @Test
    void badInfoOptionsAre400NamingThem() {
        assertThatThrownBy(() -> InfoOptions.parse(List.of("w:100"), STRICT)).isInstanceOf(InvalidOptionException.class)
                .hasMessage("unknown info option 'w' in 'w:100'");
        assertThatThrownBy(() -> InfoOptions.parse(List.of("exif:maybe"), STRICT))
                .hasMessage("option 'exif': exif 'maybe' is not a boolean (1, t, true, 0, f, false)");
        assertThatThrownBy(() -> InfoOptions.parse(List.of("s"), STRICT)).hasMessage("option 'size' (written 's'): takes 1 argument, got 0");
        assertThatThrownBy(() -> InfoOptions.parse(List.of("maf:2"), ALLOWING)).hasMessage("unknown info option 'maf' in 'maf:2'");
    }

    @Test
    void watermarkParsesAsImgproxysTestParsePathWatermark() {
        Watermark w = parse(STRICT, "watermark:0.5:soea:10:20:0.6").watermark();
        assertThat(w.opacity()).isEqualTo(0.5);
        assertThat(w.position()).isEqualTo(new Gravity(GravityType.SOUTH_EAST, 10, 20));
        assertThat(w.scale()).isEqualTo(0.6);
        assertThat(w.replicate()).isFalse();
        assertThat(parse(STRICT, "wm:0.5:soea:10:20:0.6").canonical()).isEqualTo("wm:0.5:soea:10:20:0.6");
    }

    @Test
    void watermarkDefaultsAndPartialRepeatsKeepEarlierArguments() {
        assertThat(parse(STRICT, "wm:1").canonical()).isEqualTo("wm:1:ce:0:0:0");
        assertThat(parse(STRICT, "wm:0").canonical()).as("opacity 0 draws nothing").isEmpty();
        assertThat(parse(STRICT, "wm:0.5:re:10:5").watermark().replicate()).isTrue();
        assertThat(parse(STRICT, "wm:0.5:re:10:5").canonical()).isEqualTo("wm:0.5:re:10:5:0");
        assertThat(parse(STRICT, "wm:0.5:nowe:3:4:0.25/wm:1").canonical()).isEqualTo("wm:1:nowe:3:4:0.25");
        assertThat(parse(STRICT, "wm:0.5:re/wm:1:ce").watermark().replicate()).isFalse();
        assertThat(parse(STRICT, "wm:1:ea:-5:0.1").canonical()).isEqualTo("wm:1:ea:-5:0.1:0");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "wm:1.5|option 'watermark' (written 'wm'): opacity 1.5 is not between 0 and 1",
        "wm:|option 'watermark' (written 'wm'): opacity '' is not a number",
        "wm:1:fp:0.5:0.5|option 'watermark' (written 'wm'): position 'fp' is not one of re, ce, no, so, ea, we, noea, nowe, soea, sowe",
        "wm:1:sm|option 'watermark' (written 'wm'): position 'sm' is not one of re, ce, no, so, ea, we, noea, nowe, soea, sowe",
        "wm:1:ce:0:0:0|option 'watermark' (written 'wm'): scale 0 is not a positive number",
        "wm:1:ce:x|option 'watermark' (written 'wm'): x offset 'x' is not a number",
        "wm:1:ce:0:0:1:2|option 'watermark' (written 'wm'): takes 1 to 5 arguments, got 6 in 'wm:1:ce:0:0:1:2'",
    })
    void badWatermarksAre400(String options, String message) {
        assertThatThrownBy(() -> parse(STRICT, options)).isInstanceOf(InvalidOptionException.class).hasMessage(message);
    }

    @Test
    void everyNewOptionIsInTheCanonicalForm() {
        Set<String> forms = Set.of(parse(ALLOWING, "skp:jpg").canonical(), parse(ALLOWING, "raw:1").canonical(),
                parse(ALLOWING, "eth:1").canonical(), parse(ALLOWING, "ph:1").canonical(), parse(ALLOWING, "msr:1").canonical(),
                parse(ALLOWING, "msfs:1").canonical(), parse(ALLOWING, "maf:1").canonical(), parse(ALLOWING, "mafr:1").canonical(),
                parse(ALLOWING, "mrd:1").canonical(), parse(ALLOWING, "wm:1").canonical(), "");
        assertThat(forms).hasSize(11);
    }
}
