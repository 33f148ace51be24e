package io.thumbler.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Every real original we have is sniffed and checked against its MANIFEST.tsv line, which was
 * written from ImageMagick's and the packages' own descriptions: format, size, frames, EXIF
 * orientation, colour model and alpha.
 */
public class HeaderSnifferCorpusTest {

    static final Path SAMPLES = Path.of("samples");
    static final Path TEST_CORPUS = Path.of("src/test/resources/corpus");
    /** The shared corpus sits beside the repository on developer machines and in CI. */
    public static final Path SHARED_CORPUS = Path.of("../shared/corpus");

    record Original(Path file, String format, int width, int height, String notes) {
        @Override
        public String toString() {
            return file.toString();
        }
    }

    static Stream<Original> originals() {
        List<Path> dirs = new ArrayList<>(List.of(SAMPLES, TEST_CORPUS));
        if (Files.isDirectory(SHARED_CORPUS)) {
            dirs.add(SHARED_CORPUS);
        }
        return dirs.stream().flatMap(HeaderSnifferCorpusTest::manifest);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("originals")
    void headerMatchesTheManifest(Original original) throws IOException {
        if (original.notes.contains("TRUNCATED")) {
            // A file cut short upstream: its header is whole, its image data is not, and that is the refusal.
            assertThatThrownBy(() -> HeaderSniffer.sniff(Files.readAllBytes(original.file)))
                    .hasMessageStartingWith(original.format + " data is truncated");
            return;
        }
        ImageHeader header = HeaderSniffer.sniff(Files.readAllBytes(original.file));

        assertThat(header.format()).isEqualTo(ImageFormat.valueOf(original.format));
        assertThat(header.width() + "x" + header.height()).isEqualTo(original.width + "x" + original.height);
        assertThat(header.frames()).isEqualTo(intAfter(original.notes, "\\((\\d+) frames\\)", 1));
        assertThat(header.orientation()).isEqualTo(intAfter(original.notes, "Orientation=(\\d)", 1));
        String notes = original.notes.toLowerCase(Locale.ROOT);
        if (notes.contains("4 components")) {
            assertThat(header.colorSpace()).isEqualTo("CMYK");
        } else if (notes.contains("3 components")) {
            assertThat(header.colorSpace()).isEqualTo("RGB");
        } else if (notes.contains("palette")) {
            assertThat(header.colorSpace()).isEqualTo("PALETTE");
        }
        if (notes.contains("alpha") || notes.contains("trns")) {
            assertThat(header.hasAlpha()).as("alpha").isTrue();
        }
        if (header.format() == ImageFormat.JPEG) {
            assertThat(header.hasAlpha()).as("alpha").isFalse();
        }
    }

    @Test
    void everyFileHasAManifestLine() throws IOException {
        for (Path dir : List.of(SAMPLES, TEST_CORPUS)) {
            Map<String, Original> listed = manifest(dir).collect(Collectors.toMap(o -> o.file.getFileName().toString(),
                    Function.identity()));
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString())
                        .filter(n -> !n.equals("MANIFEST.tsv") && !n.equals("README.md")))
                        .as(dir.toString()).allMatch(listed::containsKey);
            }
        }
    }

    /**
     * The largest original in the corpus (16 MB progressive JPEG) is read where it lies: nothing is
     * decoded and the file is not copied, which an allocation count shows without depending on the
     * machine's speed.
     */
    @Test
    void sixteenMegabyteJpegIsReadInPlace() throws IOException {
        Path elephants = SHARED_CORPUS.resolve("Elephants_5640x3172.jpg");
        assumeThat(elephants).as("shared corpus present").exists();
        byte[] bytes = Files.readAllBytes(elephants);
        for (int i = 0; i < 3; i++) {
            HeaderSniffer.sniff(bytes); // loads the readers and the EXIF library's tables first
        }
        ImageHeader[] header = new ImageHeader[1];
        long allocated = ThreadAllocation.during(() -> header[0] = HeaderSniffer.sniff(bytes));
        assertThat(header[0].width()).isEqualTo(5640);
        // About 100 KB: the EXIF segment (at most 64 KB) is copied and parsed for its orientation.
        // A copy of the file would be 16 MB, a decode of its pixels 100 MB.
        assertThat(allocated).as("bytes allocated by one sniff of %d", bytes.length).isLessThan(bytes.length / 16);
    }

    private static Stream<Original> manifest(Path dir) {
        try (Stream<String> lines = Files.lines(dir.resolve("MANIFEST.tsv"))) {
            return lines.skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t")).map(c -> {
                String[] size = c[5].split("x");
                return new Original(dir.resolve(c[0]), c[4].split("[ (]")[0], Integer.parseInt(size[0]),
                        Integer.parseInt(size[1]), c[4] + " " + c[7]);
            }).collect(Collectors.toList()).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int intAfter(String text, String regex, int otherwise) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : otherwise;
    }
}
