package io.thumbler.cache;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Opens the caches in the default directory, or beside it when another instance holds it.
 *
 * <p>Ehcache locks its disk directory for one process. Without {@code THUMBLER_CACHE_DIR} every
 * Thumbler on a host would default to the same directory, and the second one would run without
 * caches. So when the directory is the default and is locked, the next of {@code <dir>-2} …
 * {@code <dir>-}{@value #MAX_INSTANCES} that is free is taken: each instance keeps a disk tier,
 * and the first to start always gets the plain default. Entries are keyed by what they hold (URL,
 * source version, renderer), so an instance that finds another's former directory after a restart
 * serves only what is still right. A directory set explicitly is used or fails, never replaced.
 */
final class CacheDirectoryChoice {

    private static final Logger LOG = Logger.getLogger(CacheDirectoryChoice.class.getName());
    static final int MAX_INSTANCES = 8;

    private CacheDirectoryChoice() {
    }

    /**
     * @param configured whether {@code THUMBLER_CACHE_DIR} was set (then only that directory is tried)
     * @param open       opens the caches on given settings; throws when Ehcache refuses them
     */
    static <T> T open(CacheSettings settings, boolean configured, Function<CacheSettings, T> open) {
        try {
            return open.apply(settings);
        } catch (RuntimeException e) {
            if (configured || settings.configFile().isPresent() || !locked(e)) {
                throw e;
            }
            for (int n = 2; n <= MAX_INSTANCES; n++) {
                Path next = sibling(settings.dir(), n);
                try {
                    T opened = open.apply(settings.withDir(next));
                    LOG.info(() -> "the default cache directory " + settings.dir() + " is used by another instance; this one keeps its disk tier in "
                            + next + " (set THUMBLER_CACHE_DIR to choose)");
                    return opened;
                } catch (RuntimeException again) {
                    if (!locked(again)) {
                        throw again;
                    }
                }
            }
            throw e;
        }
    }

    static Path sibling(Path dir, int n) {
        return dir.resolveSibling(dir.getFileName() + "-" + n);
    }

    static boolean locked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("locked")) {
                return true;
            }
        }
        return false;
    }
}
