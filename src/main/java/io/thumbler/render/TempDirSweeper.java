package io.thumbler.render;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Removes what renders left behind in Thumbler's temp root: per-request work directories and
 * ImageMagick's {@code magick-*} pixel-cache files and symlinks, once they are older than a
 * given age. Run at startup and periodically: a convert killed with SIGKILL leaves its
 * {@code magick-*} files (two of 192 MB when measured), and SVG reads left
 * {@code magick-*} symlinks even on success.
 *
 * <p>Only names Thumbler owns are touched: directories starting with {@link #WORK_DIR_PREFIX}
 * (create them with {@link #createWorkDir}) and entries starting with {@code magick-}, directly in
 * the root. Symlinks are deleted, never followed. An entry's age is that of its newest
 * modification (for a work directory, of the directory or anything directly in it), so the
 * maximum age must be well above the render deadline.
 */
public final class TempDirSweeper {

    /**
     * The name prefix of per-request work directories under the temp root. Specific on purpose:
     * other parts of Thumbler keep {@code thumbler-*} directories in {@code /tmp} (TLS material,
     * test servers) that a sweep of {@code /tmp} must never touch.
     */
    public static final String WORK_DIR_PREFIX = "thumbler-work-";
    private static final String MAGICK_PREFIX = "magick-";

    /** What one sweep removed, and what it could not remove (path and reason). */
    public record Sweep(int workDirs, int magickFiles, long bytes, List<String> failures) {
    }

    private final Path root;
    private final Duration maxAge;
    private final Clock clock;

    public TempDirSweeper(Path root, Duration maxAge) {
        this(root, maxAge, Clock.systemUTC());
    }

    public TempDirSweeper(Path root, Duration maxAge, Clock clock) {
        this.root = Objects.requireNonNull(root, "root");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative: " + maxAge);
        }
    }

    /**
     * Creates a fresh work directory under {@code root}, readable by this user only, named so that
     * the sweeper will find it if it is ever left behind.
     */
    public static Path createWorkDir(Path root) throws IOException {
        Files.createDirectories(root);
        if (root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempDirectory(root, WORK_DIR_PREFIX,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory(root, WORK_DIR_PREFIX);
    }

    /**
     * Deletes a work directory and everything in it, without following symlinks (an SVG read can
     * leave {@code magick-*} links to other files); for the {@code finally} of every render.
     *
     * @return the bytes of regular files freed
     */
    public static long deleteWorkDir(Path dir) throws IOException {
        return Files.exists(dir, LinkOption.NOFOLLOW_LINKS) ? deleteTree(dir) : 0;
    }

    /** Deletes every stale entry Thumbler owns in the root; a missing root is an empty sweep. */
    public Sweep sweep() {
        Instant cutoff = clock.instant().minus(maxAge);
        int workDirs = 0;
        int magickFiles = 0;
        long[] bytes = {0};
        List<String> failures = new ArrayList<>();
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return new Sweep(0, 0, 0, List.of());
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                try {
                    boolean directory = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
                    if (directory && name.startsWith(WORK_DIR_PREFIX) && newest(entry).isBefore(cutoff)) {
                        bytes[0] += deleteTree(entry);
                        workDirs++;
                    } else if (name.startsWith(MAGICK_PREFIX) && modified(entry).isBefore(cutoff)) {
                        bytes[0] += deleteTree(entry);
                        magickFiles++;
                    }
                } catch (NoSuchFileException gone) {
                    // removed by its own render meanwhile
                } catch (IOException e) {
                    failures.add(entry + ": " + e);
                }
            }
        } catch (IOException e) {
            failures.add(root + ": " + e);
        }
        return new Sweep(workDirs, magickFiles, bytes[0], List.copyOf(failures));
    }

    private static Instant newest(Path dir) throws IOException {
        Instant newest = modified(dir);
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                Instant time = modified(child);
                newest = time.isAfter(newest) ? time : newest;
            }
        }
        return newest;
    }

    private static Instant modified(Path path) throws IOException {
        FileTime time = Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS);
        return time.toInstant();
    }

    /** Deletes a file, symlink or directory tree without following links; returns the bytes freed. */
    private static long deleteTree(Path path) throws IOException {
        long[] bytes = {0};
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                bytes[0] += attrs.isRegularFile() ? attrs.size() : 0;
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
        return bytes[0];
    }
}
