package io.thumbler.render;

import io.thumbler.error.ThumblerException;
import io.thumbler.image.HeaderSniffer;
import io.thumbler.image.ImageFormat;
import io.thumbler.image.ImageHeader;
import io.thumbler.image.SourceLimits;
import io.thumbler.image.ThreadAllocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Every known bad original goes through the Java gate (sniff, then the
 * default limits) and comes out as a 422 naming the problem, before any process could start.
 */
class BadInputFixturesTest {

    @TempDir
    static Path dir;
    static Map<String, Path> fixtures;

    @BeforeAll
    static void makeFixtures() throws IOException {
        assumeThat(BadInputs.CONVERT).as("the MIFF fixture is made with /usr/bin/convert").isExecutable();
        fixtures = BadInputs.writeAll(dir, 9, dir.resolve("victim.png"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            png_header_50000x50000.png     | the original is 50000x50000 (2500 MP); the limit is 50 MP
            png_zbomb_30000x30000_1bit.png | the original is 30000x30000 (900 MP); the limit is 50 MP
            png_area_8000x8000.png         | the original is 8000x8000 (64 MP); the limit is 50 MP
            png_truncated_100.png          | PNG data is truncated (chunk 'iCCP' runs past the end of the file)
            jpeg_sof_65500x65500.jpg       | the original is 65500x65500 (4290.3 MP); the limit is 50 MP
            jpeg_truncated_half.jpg        | JPEG data is truncated (no end-of-image marker after the scan data)
            jpeg_truncated_in_header.jpg   | JPEG header is truncated (segment 0xc4 runs past the end of the file)
            jpeg_soi_only.jpg              | JPEG header is truncated
            gif_10000_frames.gif           | the original has more than 1000 frames; the limit is 1000
            gif_screen_65535.gif           | the original is 65535x65535 (4294.8 MP); the limit is 50 MP
            gif_js_polyglot.gif            | GIF header is corrupt: unknown block 0x2a at byte 13
            webp_header_16384.webp         | the original is 16384x16384 (268.4 MP); the limit is 50 MP
            zero_bytes.jpg                 | the original is empty (0 bytes)
            html_as_image.jpg              | the original is not an image Thumbler reads (starts with 3c 21 64 6f)
            svg_localfile_as.jpg           | format SVG is not accepted as an original
            svg_ssrf_as.jpg                | format SVG is not accepted as an original
            svg_xxe_as.jpg                 | format SVG is not accepted as an original
            mvg_text_as.jpg                | the original is not an image Thumbler reads (starts with 70 75 73 68)
            mvg_ephemeral_as.jpg           | the original is not an image Thumbler reads (starts with 70 75 73 68)
            msl_as.jpg                     | the original is not an image Thumbler reads (starts with 3c 3f 78 6d)
            txt_as.jpg                     | the original is not an image Thumbler reads (starts with 23 20 49 6d)
            pdf_as.jpg                     | the original is not an image Thumbler reads (starts with 25 50 44 46)
            eps_fileread_as.jpg            | the original is not an image Thumbler reads (starts with 25 21 50 53)
            miff_as.jpg                    | the original is not an image Thumbler reads (starts with 69 64 3d 49)
            tiff_truncated.tiff            | TIFF data is truncated (strip or tile 0 runs past the end of the file)
            tiff_header_60000x60000.tiff   | the original is 60000x60000 (3600 MP); the limit is 50 MP
            tiff_2000_pages.tiff           | the original has more than 1000 frames; the limit is 1000
            bmp_truncated.bmp              | BMP data is truncated (the pixel data needs 9216 bytes from byte 54; the file has 4635)
            bmp_rle_60000x60000.bmp        | the original is 60000x60000 (3600 MP); the limit is 50 MP
            ico_truncated.ico              | ICO data is truncated (entry 0's 75 bytes at byte 22 run past the end of the file)
            ico_png_50000x50000.ico        | the original is 50000x50000 (2500 MP); the limit is 50 MP
            ico_2000_entries.ico           | the original has more than 1000 frames; the limit is 1000
            heic_truncated.heic            | HEIC data is truncated (item 1's data runs past the end of the file)
            avif_ispe_60000x60000.avif     | the original is 60000x60000 (3600 MP); the limit is 50 MP
            """)
    void refusedWith422NamingTheProblem(String file, String message) throws IOException {
        assertThatThrownBy(() -> gate(file))
                .isInstanceOfSatisfying(ThumblerException.class, e -> assertThat(e.status()).isEqualTo(422))
                .hasMessage(message);
    }

    @Test
    void randomBytesAreNamedByTheirFirstBytes() throws IOException {
        byte[] bytes = Files.readAllBytes(fixtures.get("random_4k.bin"));
        String start = String.format("%02x %02x %02x %02x", bytes[0], bytes[1], bytes[2], bytes[3]);
        assertThatThrownBy(() -> gate("random_4k.bin"))
                .hasMessage("the original is not an image Thumbler reads (starts with " + start + ")");
    }

    /** Nothing is inflated: the 200 MB zTXt chunk is a jump like any other; ImageMagick's
     *  max-memory-request truncates it at render time (see ShippedPolicyTest). */
    @Test
    void zTxtBombIsReadWithoutInflatingIt() throws IOException {
        byte[] bytes = Files.readAllBytes(BadInputs.writeBomb(dir, "png_ztxt_bomb.png"));
        HeaderSniffer.sniff(bytes); // loads and links the readers first
        ImageHeader[] header = new ImageHeader[1];
        long allocated = ThreadAllocation.during(() -> header[0] = HeaderSniffer.sniff(bytes));
        assertThat(allocated).as("bytes allocated: the chunk inflates to 200 MB").isLessThan(64 * 1024);
        assertThat(header[0]).isEqualTo(new ImageHeader(ImageFormat.PNG, 1, 1, 1, 1, false, "GRAY", 0, false));
        SourceLimits.defaults().check(header[0], bytes.length);
    }

    @Test
    void tenThousandFrameGifStopsCountingAtTheCap() throws IOException {
        byte[] bytes = Files.readAllBytes(fixtures.get("gif_10000_frames.gif"));
        assertThat(HeaderSniffer.sniff(bytes).frames()).isEqualTo(HeaderSniffer.FRAME_COUNT_CAP + 1);
    }

    @Test
    void anOriginalOver25MiBIsRefusedBeforeItIsRead() {
        assertThatThrownBy(() -> SourceLimits.defaults().checkFileSize(26L * 1024 * 1024))
                .isInstanceOfSatisfying(ThumblerException.class, e -> assertThat(e.status()).isEqualTo(422))
                .hasMessage("the original is 27262976 bytes; the limit is 26214400 bytes (25 MiB)");
    }

    private static void gate(String file) throws IOException {
        Path path = BadInputs.BOMBS.contains(file) ? BadInputs.writeBomb(dir, file) : fixtures.get(file);
        byte[] bytes = Files.readAllBytes(path);
        SourceLimits.defaults().check(HeaderSniffer.sniff(bytes), bytes.length);
    }
}
