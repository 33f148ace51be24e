package io.thumbler.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TempDirSweeperTest {

    static final Instant NOW = Instant.parse("2025-11-26T12:00:00Z");
    static final Instant OLD = NOW.minus(Duration.ofMinutes(11));
    static final Instant FRESH = NOW.minus(Duration.ofMinutes(1));

    @TempDir
    Path root;

    TempDirSweeper sweeper() {
        return new TempDirSweeper(root, Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static Path touch(Path path, Instant time) throws IOException {
        Files.setLastModifiedTime(path, FileTime.from(time));
        return path;
    }

    @Test
    void removesStaleWorkDirsAndMagickFilesOnly() throws IOException {
        Path staleDir = TempDirSweeper.createWorkDir(root);
        touch(Files.write(staleDir.resolve("in"), new byte[1000]), OLD);
        touch(Files.write(staleDir.resolve("magick-abc"), new byte[500]), OLD);
        touch(staleDir, OLD);
        Path busyDir = TempDirSweeper.createWorkDir(root);
        touch(Files.write(busyDir.resolve("out"), new byte[10]), FRESH); // a render still writing
        touch(busyDir, OLD);
        Path staleCache = touch(Files.write(root.resolve("magick-12345XYZ"), new byte[2000]), OLD);
        Path freshCache = touch(Files.write(root.resolve("magick-67890ABC"), new byte[1]), FRESH);
        Path foreign = touch(Files.createDirectory(root.resolve("someone-else")), OLD);
        Path otherThumblerDir = touch(Files.createDirectory(root.resolve("thumbler-tls123")), OLD);
        Path foreignFile = touch(Files.write(root.resolve("notes.txt"), new byte[1]), OLD);

        TempDirSweeper.Sweep sweep = sweeper().sweep();

        assertThat(sweep).isEqualTo(new TempDirSweeper.Sweep(1, 1, 3500, List.of()));
        assertThat(staleDir).doesNotExist();
        assertThat(staleCache).doesNotExist();
        assertThat(busyDir).exists();
        assertThat(freshCache).exists();
        assertThat(foreign).exists();
        assertThat(otherThumblerDir).exists();
        assertThat(foreignFile).exists();
    }

    @Test
    void aMagickSymlinkIsRemovedButItsTargetIsNot() throws IOException {
        Path target = Files.write(root.resolve("precious.png"), new byte[42]);
        Path link = Files.createSymbolicLink(root.resolve("magick-link"), target);
        Files.getFileAttributeView(link, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(FileTime.from(OLD), null, null);

        TempDirSweeper.Sweep sweep = sweeper().sweep();

        assertThat(sweep.magickFiles()).isEqualTo(1);
        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(target).hasSize(42);
    }

    @Test
    void aWorkDirIsPrivate() throws IOException {
        Path dir = TempDirSweeper.createWorkDir(root.resolve("new/root"));
        assertThat(dir.getFileName().toString()).startsWith(TempDirSweeper.WORK_DIR_PREFIX);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    @Test
    void deleteWorkDirDoesNotFollowLinksOutOfTheDirectory() throws IOException {
        Path outside = Files.createDirectories(root.resolve("outside"));
        Path kept = Files.write(outside.resolve("kept"), new byte[7]);
        Path dir = TempDirSweeper.createWorkDir(root);
        Files.createSymbolicLink(dir.resolve("magick-to-outside"), outside);
        Files.write(dir.resolve("out"), new byte[3]);

        assertThat(TempDirSweeper.deleteWorkDir(dir)).isEqualTo(3);
        assertThat(dir).doesNotExist();
        assertThat(kept).hasSize(7);
    }

    @Test
    void aMissingRootIsAnEmptySweep() {
        TempDirSweeper sweeper = new TempDirSweeper(root.resolve("absent"), Duration.ofMinutes(10));
        assertThat(sweeper.sweep()).isEqualTo(new TempDirSweeper.Sweep(0, 0, 0, List.of()));
    }
}
