package io.thumbler.playground;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The originals a person can pick from a list in the playground: the image files directly in the
 * local originals folder ({@code THUMBLER_LOCAL_FILESYSTEM_ROOT}), by name, at most {@link #LIMIT}.
 *
 * <p>Only names are listed, from the top level of the folder, and only files whose names are
 * already valid {@code local:///} keys: the list shows nothing that the thumbnail URLs would not
 * serve anyway.
 */
final class SampleOriginals {

    /** Enough for a demo folder; a real media library is browsed elsewhere, not in a picker. */
    static final int LIMIT = 200;

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp", "gif", "avif", "heic", "tif", "tiff", "bmp");

    /**
     * One listed original.
     *
     * @param name   file name
     * @param source its address in thumbnail URLs, {@code local:///name}
     * @param bytes  file size
     */
    record Sample(String name, String source, long bytes) {
    }

    private final Optional<Path> root;

    /** @param root the folder of local originals, when they are enabled */
    SampleOriginals(Optional<Path> root) {
        this.root = root;
    }

    /** The samples, sorted by name; empty when no local folder is configured or it cannot be read. */
    List<Sample> list() {
        return root.map(SampleOriginals::list).orElse(List.of());
    }

    private static List<Sample> list(Path root) {
        try (Stream<Path> files = Files.list(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(SampleOriginals::listable)
                    .sorted()
                    .limit(LIMIT)
                    .map(name -> new Sample(name, "local:///" + name, size(root.resolve(name))))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static boolean listable(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0
                && !name.startsWith(".")
                && name.length() <= 200
                && name.matches("[A-Za-z0-9._+-]+")
                && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
