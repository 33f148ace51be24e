package io.thumbler.config;

/**
 * {@code THUMBLER_MAX_SRC_FILE_SIZE}: the largest original, in bytes. One setting used twice —
 * the sources stop a download at it, the render path refuses a larger original before any process
 * runs — so it is defined here once, with its default and bounds.
 */
public final class MaxSourceFileSize {

    public static final String KEY = "thumbler.max-src-file-size";
    /**
     * 25 MiB: many times a large phone photo. (imgproxy's {@code IMGPROXY_MAX_SRC_FILE_SIZE} is off by
     * default; here one original is held whole in heap while it renders, so it needs a bound.)
     */
    public static final long DEFAULT_BYTES = 25L * 1024 * 1024;

    private MaxSourceFileSize() {
    }

    /** @throws InvalidConfigurationException naming the key when the value is not 1 … 2 GiB */
    public static long read(ConfigReader config) {
        return config.longValue(KEY, DEFAULT_BYTES, 1, 1L << 31);
    }
}
