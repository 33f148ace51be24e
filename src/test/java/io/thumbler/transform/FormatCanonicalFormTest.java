package io.thumbler.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.thumbler.image.ImageFormat;

/**
 * The canonical text of the options that name output formats. It is part of every cache key, so
 * these strings must not change: a changed spelling renders every cached variant again.
 */
class FormatCanonicalFormTest {

    private static String canonical(String options) {
        return new OptionParser().parse(Arrays.asList(options.split("/"))).canonical();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "f:jpeg|f:jpg",
        "f:jpg|f:jpg",
        "format:JPEG|f:jpg",
        "ext:tif|f:tiff",
        "f:TIF|f:tiff",
        "f:webp|f:webp",
        "f:avif|f:avif",
        "f:gif|f:gif",
        "f:png|f:png",
        "f:bmp|f:bmp",
        "f:ico|f:ico",
        "f:png/f:jpeg|f:jpg",
        "fq:jpeg:70:webp:60|fq:jpg:70:webp:60",
        "format_quality:webp:60:jpg:70|fq:jpg:70:webp:60",
        "fq:webp:60:avif:40:tif:50|fq:avif:40:tiff:50:webp:60",
        "fq:png:9:gif:8:bmp:7:ico:6|fq:bmp:7:gif:8:ico:6:png:9",
        "fq:jpeg:70/fq:jpg:0:webp:60|fq:webp:60",
        "fq:JPEG:70:jpg:75|fq:jpg:75",
        "q:80/fq:jpeg:70:webp:60/f:webp|q:80/fq:jpg:70:webp:60/f:webp",
        "fq:jpeg:70:webp:60/f:tif/skp:jpeg:png|fq:jpg:70:webp:60/f:tiff/skp:jpg:png",
        "skp:jpeg:jpg:svg:jxl:heic|skp:heic:jpg:jxl:svg",
    })
    void theCanonicalTextOfFormatsIsStable(String options, String canonical) {
        assertThat(canonical(options)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/plain/local:///a.png@jpeg|jpg",
        "/plain/local:///a.png@JPG|jpg",
        "/plain/local:///a.png@tif|tiff",
        "/plain/local:///a.png@tiff|tiff",
        "/plain/local:///a.png@webp|webp",
        "/w:10/bG9jYWw6Ly8vYS5wbmc.jpeg|jpg",
        "/w:10/bG9jYWw6Ly8vYS5wbmc.TIF|tiff",
    })
    void theUrlExtensionIsReadInItsCanonicalSpelling(String path, String extension) {
        assertThat(new ProcessingPathParser().parse(path).extension().map(ImageFormat::extension)).hasValue(extension);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "fq:jpeg:70:webp:60|jpg|70",
        "fq:jpeg:70:webp:60|webp|60",
        "fq:jpeg:70:webp:60|avif|0",
        "fq:tif:50|tiff|50",
        "q:90/fq:tif:50|tiff|90",
    })
    void formatQualityIsFoundUnderTheCanonicalFormat(String options, String format, int quality) {
        Encoding e = new OptionParser().parse(List.of(options.split("/"))).encoding();
        assertThat(e.qualityFor(OutputFormats.named(format).orElseThrow())).isEqualTo(quality);
    }
}
