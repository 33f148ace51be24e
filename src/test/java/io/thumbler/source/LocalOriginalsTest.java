package io.thumbler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.thumbler.error.ThumblerException;

/** Local originals: names the file system cannot hold, and versions that follow the bytes. */
class LocalOriginalsTest {

    @TempDir
    Path root;

    @Test
    void aNameLongerThanTheFileSystemAllowsIsNotFoundNotAServerError() {
        LocalOriginals local = new LocalOriginals(root, 1 << 20);
        String longName = "a".repeat(300) + ".jpg";
        assertThatThrownBy(() -> local.fetch(SourceUri.parse("local:///" + longName)))
                .isInstanceOfSatisfying(ThumblerException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).endsWith("not found: a file name can be at most 255 bytes");
                });
        String longPath = ("b".repeat(200) + "/").repeat(21) + "c.jpg";
        assertThatThrownBy(() -> local.fetch(SourceUri.parse("local:///" + longPath)))
                .isInstanceOfSatisfying(ThumblerException.class, e -> assertThat(e.status()).isIn(400, 404));
    }

    @Test
    void aFileRewrittenInPlaceWithItsOldSizeAndModificationTimeGetsANewVersion() throws Exception {
        Path file = root.resolve("cat.jpg");
        Files.write(file, new byte[] {1, 2, 3, 4});
        FileTime mtime = FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(file, mtime);
        LocalOriginals local = new LocalOriginals(root, 1 << 20);
        String before = local.fetch(SourceUri.parse("local:///cat.jpg")).version();

        Thread.sleep(20); // a status-change time of its own
        Files.write(file, new byte[] {5, 6, 7, 8});
        Files.setLastModifiedTime(file, mtime);
        String rewritten = local.fetch(SourceUri.parse("local:///cat.jpg")).version();
        assertThat(rewritten).isNotEqualTo(before);

        Path replacement = root.resolve("cat.new");
        Files.write(replacement, new byte[] {9, 9, 9, 9});
        Files.setLastModifiedTime(replacement, mtime);
        Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertThat(local.fetch(SourceUri.parse("local:///cat.jpg")).version()).isNotIn(before, rewritten);
    }

    @Test
    void anUnchangedFileKeepsItsVersion() throws IOException {
        Files.write(root.resolve("dog.jpg"), new byte[] {1, 2, 3});
        LocalOriginals local = new LocalOriginals(root, 1 << 20);
        assertThat(local.fetch(SourceUri.parse("local:///dog.jpg")).version())
                .isEqualTo(local.fetch(SourceUri.parse("local:///dog.jpg")).version());
    }
}
