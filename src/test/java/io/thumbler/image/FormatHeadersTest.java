package io.thumbler.image;

import static io.thumbler.image.HeaderSnifferTest.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.thumbler.render.BadInputs;


/**
 * The headers of the formats beyond the web four, and EXIF orientation outside JPEG, read from the
 * fixtures in {@code src/test/resources/formats} (made with Debian's tools; see its README) and
 * from patched copies of them.
 */
public class FormatHeadersTest {

    public static final Path FORMATS = Path.of("src/test/resources/formats");

    public static byte[] fixture(String name) {
        try {
            return Files.readAllBytes(FORMATS.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void pngEXIfAndWebpExifOrientationAreRead(int orientation) {
        for (String name : new String[] {"orientation_" + orientation + ".png", "orientation_" + orientation + ".webp"}) {
            ImageHeader header = HeaderSniffer.sniff(fixture(name));
            assertThat(header.orientation()).as(name).isEqualTo(orientation);
            assertThat(header.orientedWidth() + "x" + header.orientedHeight()).as(name).isEqualTo("50x70");
        }
    }

    /** libheif applies irot/imir while decoding, so the header reports the turned size and orientation 1. */
    @ParameterizedTest(name = "orientation {0} as irot/imir")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void avifRotationSwapsTheSidesItReports(int orientation) {
        ImageHeader header = HeaderSniffer.sniff(fixture("orientation_" + orientation + ".avif"));
        assertThat(header).isEqualTo(new ImageHeader(ImageFormat.AVIF, 50, 70, 1, 1, false, "RGB"));
    }

    /** A 60×40 clean aperture of the stored 70×50 picture, then a quarter turn: libheif delivers 40×60. */
    @Test
    void avifCleanApertureThenRotation() {
        assertThat(HeaderSniffer.sniff(fixture("clap-irot.avif")))
                .isEqualTo(new ImageHeader(ImageFormat.AVIF, 40, 60, 1, 1, false, "RGB"));
    }

    @Test
    void heicSizeAndAnExifOrientationThatDoesNotCount() {
        assertThat(HeaderSniffer.sniff(fixture("photo.heic")))
                .isEqualTo(new ImageHeader(ImageFormat.HEIC, 50, 70, 1, 1, false, "RGB"));
        assertThat(HeaderSniffer.sniff(fixture("exif-orientation-6.heic")))
                .isEqualTo(new ImageHeader(ImageFormat.HEIC, 70, 50, 1, 1, false, "RGB"));
    }

    /** heif-enc codes the 50×70 picture as a 64×70 item and crops it: padding is fine, a larger picture is not. */
    @Test
    void aHeifItemFarLargerThanThePrimaryImageIsRefused() {
        byte[] heic = fixture("photo.heic");
        int coded = BadInputs.indexOf(heic, BadInputs.ascii("ispe"));
        assertThat(ByteBuffer.wrap(heic, coded + 8, 8).getInt()).isEqualTo(64);
        ByteBuffer.wrap(heic, coded + 8, 8).putInt(5000).putInt(7000);
        refused(heic, "HEIC header is corrupt: an item declares 5000 pixels wide or 7000 high, "
                + "more than the primary image's 50x70 allows");
    }

    @Test
    void sixteenBitTiledTiffAndTiffOrientation() {
        assertThat(HeaderSniffer.sniff(fixture("tiled-16bit.tiff")))
                .isEqualTo(new ImageHeader(ImageFormat.TIFF, 50, 70, 1, 1, false, "RGB"));
        assertThat(HeaderSniffer.sniff(fixture("orientation-6.tiff")))
                .isEqualTo(new ImageHeader(ImageFormat.TIFF, 70, 50, 1, 6, false, "RGB"));
    }

    @Test
    void oldStyleJpegTiffIsRefused() {
        byte[] tiff = BadInputs.tiff(1, 1, 1);
        int compressionValue = 10 + 3 * 12 + 8; // IFD at 8, count (2 bytes), the fourth entry is tag 259
        assertThat(ByteBuffer.wrap(tiff, 10 + 3 * 12, 2).order(ByteOrder.LITTLE_ENDIAN).getShort()).isEqualTo((short) 259);
        tiff[compressionValue] = 6;
        refused(tiff, "TIFF header is corrupt: compression 6 is not one Thumbler reads");
    }

    @Test
    void paletteBmp() {
        assertThat(HeaderSniffer.sniff(fixture("photo.bmp")))
                .isEqualTo(new ImageHeader(ImageFormat.BMP, 50, 70, 1, 1, false, "PALETTE"));
    }

    @Test
    void aBmpWrappingAJpegIsRefused() {
        byte[] bmp = fixture("photo.bmp");
        bmp[30] = 4; // biCompression: BI_JPEG
        refused(bmp, "BMP header is corrupt: compression 4 is not one Thumbler reads (only uncompressed, bit fields, RLE8 and RLE4)");
    }

    /** Entries 16, 48 and 32 pixels: the largest is reported and is the one rendered. */
    @Test
    void icoReportsItsLargestEntry() {
        byte[] ico = fixture("favicon.ico");
        assertThat(HeaderSniffer.sniff(ico)).isEqualTo(new ImageHeader(ImageFormat.ICO, 48, 48, 3, 1, true, "RGB", 1, true));
    }

    @Test
    void aPrimaryFrameMustBeOneOfTheFrames() {
        assertThatThrownBy(() -> new ImageHeader(ImageFormat.ICO, 48, 48, 3, 1, true, "RGB", 3, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the primary frame 3 is not one of the 3 frames");
        assertThat(new ImageHeader(ImageFormat.PNG, 1, 1, 1, 1, false, "RGB").primaryFrame()).isZero();
    }

    /** The directory says 16×16; the bitmap header, which the decoder follows, says otherwise. */
    @Test
    void icoSizesComeFromTheEntriesNotTheDirectory() {
        byte[] ico = fixture("favicon.ico");
        ByteBuffer b = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        int firstBitmap = b.getInt(6 + 12);
        b.putInt(firstBitmap + 4, 9000).putInt(firstBitmap + 8, 2 * 9000);
        assertThat(HeaderSniffer.sniff(ico).width() + "x" + HeaderSniffer.sniff(ico).height()).isEqualTo("9000x9000");
        assertThat(HeaderSniffer.sniff(ico).primaryFrame()).isZero();
    }

    @Test
    void aCursorIsNotAnIcon() {
        byte[] cur = fixture("favicon.ico");
        cur[2] = 2;
        refused(cur, "the original is not an image Thumbler reads (starts with 00 00 02 00)");
    }
}
