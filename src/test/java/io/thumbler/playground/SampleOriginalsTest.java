package io.thumbler.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleOriginalsTest {

    @TempDir
    Path folder;

    @Test
    void listsTheImagesAtTheTopOfTheFolderByName() throws IOException {
        Files.write(folder.resolve("b.png"), new byte[12]);
        Files.write(folder.resolve("a.jpg"), new byte[3]);
        Files.writeString(folder.resolve("README.md"), "not an image");
        Files.write(folder.resolve(".hidden.jpg"), new byte[1]);
        Files.write(folder.resolve("with space.jpg"), new byte[1]);
        Files.createDirectories(folder.resolve("nested.jpg"));
        Files.write(folder.resolve("nested.jpg").resolve("c.jpg"), new byte[1]);

        assertThat(samples(folder.toString())).containsExactly(
                new SampleOriginals.Sample("a.jpg", "local:///a.jpg", 3),
                new SampleOriginals.Sample("b.png", "local:///b.png", 12));
    }

    @Test
    void listsAtMostTheLimit() throws IOException {
        for (int i = 0; i < SampleOriginals.LIMIT + 5; i++) {
            Files.write(folder.resolve(String.format("%04d.jpg", i)), new byte[1]);
        }

        assertThat(samples(folder.toString())).hasSize(SampleOriginals.LIMIT);
    }

    @Test
    void listsNothingWithoutALocalFolderOrWhenItIsGone() {
        assertThat(new SampleOriginals(Optional.empty()).list()).isEmpty();
        assertThat(samples(folder.resolve("gone").toString())).isEmpty();
    }

    private static List<SampleOriginals.Sample> samples(String root) {
        return new SampleOriginals(Optional.of(Path.of(root))).list();
    }
}
