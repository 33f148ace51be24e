package io.thumbler.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether renders can get temporary space: the directory exists or can be made, a file can be
 * written in it, and the disk has at least a minimum free.
 */
final class TempDirProbe {

    private TempDirProbe() {
    }

    /** Why {@code dir} cannot take renders, or empty when it can. */
    static Optional<String> problem(Path dir, long minFreeBytes) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, "probe-", ".tmp");
            try {
                Files.write(probe, new byte[] {1});
            } finally {
                Files.deleteIfExists(probe);
            }
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < minFreeBytes) {
                return Optional.of("temp dir " + dir + " has " + free / (1024 * 1024) + " MB free, less than the "
                        + minFreeBytes / (1024 * 1024) + " MB required (THUMBLER_TEMP_DIR_MIN_FREE_MB)");
            }
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of("temp dir " + dir + " is not writable: " + e);
        }
    }
}
