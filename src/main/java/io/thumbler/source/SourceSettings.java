package io.thumbler.source;

import java.util.ArrayList;
import java.util.List;

import io.thumbler.config.ConfigReader;

/**
 * Reads which origins are enabled: {@code THUMBLER_LOCAL_FILESYSTEM_ROOT} (local folder) and
 * {@code THUMBLER_MAX_SRC_FILE_SIZE} (bytes, checked before an original is read).
 */
public final class SourceSettings {

    static final String LOCAL_ROOT = "thumbler.local-filesystem-root";
    static final String MAX_SRC_FILE_SIZE = "thumbler.max-src-file-size";
    /** 25 MiB: large enough for a 50 MP JPEG, small enough that a few in memory are harmless. */
    public static final long DEFAULT_MAX_SRC_FILE_SIZE = 25L * 1024 * 1024;

    private SourceSettings() {
    }

    public static Originals read(ConfigReader config) {
        long maxBytes = config.longValue(MAX_SRC_FILE_SIZE, DEFAULT_MAX_SRC_FILE_SIZE, 1, 1L << 31);
        List<OriginalSource> sources = new ArrayList<>();
        if (config.optional(LOCAL_ROOT).isPresent()) {
            sources.add(new LocalOriginals(config.directory(LOCAL_ROOT, "."), maxBytes));
        }
        return new Originals(sources);
    }
}
