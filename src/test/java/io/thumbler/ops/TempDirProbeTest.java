package io.thumbler.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempDirProbeTest {

    @TempDir
    Path temp;

    @Test
    void aWritableDirWithSpaceIsFineAndKeptClean() throws IOException {
        assertThat(TempDirProbe.problem(temp.resolve("thumbler"), 0)).isEmpty();
        try (var files = Files.list(temp.resolve("thumbler"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void tooLittleFreeSpaceIsNamed() {
        assertThat(TempDirProbe.problem(temp, Long.MAX_VALUE)).get().asString()
                .contains(temp.toString(), "MB free", "THUMBLER_TEMP_DIR_MIN_FREE_MB");
    }

    @Test
    void aReadOnlyDirIsNamed() throws IOException {
        Path readOnly = Files.createDirectory(temp.resolve("ro"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-x------")));
        // root ignores permissions; a file in place of the directory fails for everyone
        Path blocked = Files.writeString(temp.resolve("not-a-dir"), "x");
        assertThat(TempDirProbe.problem(blocked, 0)).get().asString().contains(blocked.toString(), "not writable");
        if (!"root".equals(System.getProperty("user.name"))) {
            assertThat(TempDirProbe.problem(readOnly, 0)).get().asString().contains("not writable");
        }
    }
}
