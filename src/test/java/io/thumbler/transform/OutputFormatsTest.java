package io.thumbler.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.thumbler.image.ImageFormat;

/** Every output format a URL may name, in each spelling, and one Thumbler can write. */
class OutputFormatsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"jpg, JPEG", "JPEG, JPEG", "jpeg, JPEG", "png, PNG", "webp, WEBP", "avif, AVIF", "gif, GIF", "tiff, TIFF",
            "tif, TIFF", "TIF, TIFF", "bmp, BMP", "ico, ICO"})
    void spellings(String written, ImageFormat format) {
        assertThat(OutputFormats.named(written)).hasValue(format).get().matches(ImageFormat::writable);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heic", "svg", "jxl", "pdf", "cur", "tiff64", ""})
    void notWritable(String written) {
        assertThat(OutputFormats.named(written)).isEmpty();
    }

    @Test
    void theSupportedFormatsAreTheWritableOnesListedInErrorMessages() {
        assertThat(OutputFormats.SUPPORTED).containsExactlyElementsOf(
                Arrays.stream(ImageFormat.values()).filter(ImageFormat::writable).toList());
        assertThat(OutputFormats.listed()).isEqualTo("jpg, png, webp, avif, gif, tiff, bmp, ico");
    }
}
