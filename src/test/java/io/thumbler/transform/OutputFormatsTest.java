package io.thumbler.transform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.thumbler.image.ImageFormat;

/** Every output format a URL may name, in its canonical spelling, and one Thumbler can write. */
class OutputFormatsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"jpg, jpg", "JPEG, jpg", "png, png", "webp, webp", "avif, avif", "gif, gif", "tiff, tiff", "tif, tiff",
            "TIF, tiff", "bmp, bmp", "ico, ico"})
    void canonicalSpellings(String written, String canonical) {
        assertThat(OutputFormats.canonical(written)).hasValue(canonical);
        assertThat(ImageFormat.fromExtension(canonical)).get().matches(ImageFormat::writable);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heic", "svg", "jxl", "pdf", "cur", "tiff64", ""})
    void notWritable(String written) {
        assertThat(OutputFormats.canonical(written)).isEmpty();
    }
}
