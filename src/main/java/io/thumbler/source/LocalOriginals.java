package io.thumbler.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.thumbler.error.ErrorKind;
import io.thumbler.error.ThumblerException;

/**
 * Originals from one local folder ({@code THUMBLER_LOCAL_FILESYSTEM_ROOT}): the quick start's
 * sample images, and a simple deployment's shared volume.
 *
 * <p>The key grammar already refused dot segments; the real path is checked again after symlinks
 * are resolved, so a link inside the folder cannot lead out of it.
 */
public final class LocalOriginals implements OriginalSource {

    private static final int STEP = 64 * 1024;
    private static final int MAX_NAME_BYTES = 255;
    private static final int MAX_PATH_BYTES = 4095;

    private final Path root;
    private final long maxBytes;

    /** The folder's real path. */
    public Path root() {
        return root;
    }

    public LocalOriginals(Path root, long maxBytes) {
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("local originals folder " + root + " cannot be opened: " + e.getMessage(), e);
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public SourceUri.Scheme scheme() {
        return SourceUri.Scheme.LOCAL;
    }

    @Override
    public Original fetch(SourceUri uri, OriginalsInFlight inFlight) {
        String tooLong = nameTooLong(uri.key());
        if (tooLong != null) {
            throw ThumblerException.notFound("original '" + uri + "' not found: " + tooLong);
        }
        Path file = root.resolve(uri.key()).normalize();
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(root)) {
                throw notFound(uri);
            }
            BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile()) {
                throw notFound(uri);
            }
            if (attrs.size() > maxBytes) {
                throw ThumblerException.badOriginal("original '" + uri + "' is " + attrs.size()
                        + " bytes; the limit is " + maxBytes + " bytes");
            }
            OriginalsInFlight.Reservation reservation = inFlight.reserve(uri, attrs.size());
            try {
                byte[] bytes = read(real, attrs.size());
                String version = version(real, attrs);
                return new Original(bytes, version, Optional.of(attrs.lastModifiedTime().toInstant()), reservation);
            } catch (IOException | RuntimeException e) {
                reservation.close();
                throw e;
            }
        } catch (NoSuchFileException e) {
            throw notFound(uri);
        } catch (FileSystemException e) {
            if (e.getReason() != null && e.getReason().contains("too long")) {
                throw ThumblerException.notFound("original '" + uri + "' not found: the name is longer than the file system allows");
            }
            throw new ThumblerException(ErrorKind.INTERNAL, "original '" + uri + "' could not be read", e.toString(), e);
        } catch (IOException e) {
            throw new ThumblerException(ErrorKind.INTERNAL, "original '" + uri + "' could not be read", e.toString(), e);
        }
    }

    /**
     * Why a key cannot name a file here, or {@code null}: Linux file systems hold names of at most
     * 255 bytes and paths of at most 4095, and such a key is simply not there (404), not a failure
     * of the server.
     */
    static String nameTooLong(String key) {
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            return "a path can be at most " + MAX_PATH_BYTES + " bytes";
        }
        for (String segment : key.split("/")) {
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                return "a file name can be at most " + MAX_NAME_BYTES + " bytes";
            }
        }
        return null;
    }

    /**
     * Changes whenever the file's bytes can have changed: size and modification time, and also the
     * status-change time and the inode, because a file rewritten in place and given back its old
     * modification time (rsync -t, cp -p, touch -d) keeps size and mtime but not ctime, and a file
     * replaced by a rename is another inode. (A chmod also changes ctime: one needless re-render.)
     */
    private static String version(Path file, BasicFileAttributes attrs) throws IOException {
        String base = attrs.size() + "-" + attrs.lastModifiedTime().toMillis();
        try {
            Map<String, Object> unix = Files.readAttributes(file, "unix:ino,ctime", LinkOption.NOFOLLOW_LINKS);
            return base + "-" + ((FileTime) unix.get("ctime")).to(TimeUnit.NANOSECONDS) + "-" + unix.get("ino");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return base; // no "unix" attribute view on this file system
        }
    }

    /**
     * Reads the file in 64 KiB steps into an array of its size. {@code Files.readAllBytes} reads it
     * in one call, for which the JDK allocates a native buffer of the file's size and keeps it per
     * thread: with many request threads reading large originals that came to more than a gigabyte
     * outside the heap.
     */
    private static byte[] read(Path file, long size) throws IOException {
        byte[] bytes = new byte[(int) size];
        try (InputStream in = Files.newInputStream(file)) {
            int filled = 0;
            while (filled < bytes.length) {
                int n = in.read(bytes, filled, Math.min(STEP, bytes.length - filled));
                if (n < 0) {
                    throw new IOException(file + " became shorter while it was read");
                }
                filled += n;
            }
        }
        return bytes;
    }

    private static ThumblerException notFound(SourceUri uri) {
        return ThumblerException.notFound("original '" + uri + "' not found");
    }
}
