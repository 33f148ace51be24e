package io.thumbler.cache;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which cache entries belong to which source, so that a purge finds every variant of a source. It
 * is a cache of its own with a persistent disk tier, so that it survives a restart together with
 * the entries it lists. Entries are written as {@code r:<key>} (rendition), {@code o:<key>}
 * (original) and {@code p:<path>} (a request path answered for the source, recorded only when
 * CloudFront invalidation is on, so that a purge can name the paths CloudFront may hold).
 *
 * <p>Bounded per kind: a source keeps its {@value #MAX_KEYS_PER_SOURCE} most recent keys of each
 * cache, because every cache-busted URL adds one, and its {@value #MAX_PATHS_PER_SOURCE} most recent
 * paths. A variant beyond that is no longer purgeable by source (only by {@code clear}); at that
 * count its older keys have long been evicted in practice. Paths have their own bound so that many
 * spellings of one variant cannot push its keys out.
 */
public final class SourceIndex {

    static final int MAX_KEYS_PER_SOURCE = 1024;
    static final int MAX_PATHS_PER_SOURCE = 1000;

    private final FailSafeCache<String, String> index;

    public SourceIndex(FailSafeCache<String, String> index) {
        this.index = index;
    }

    public void addRendition(String sourceId, String key) {
        add(sourceId, "r:" + key);
    }

    public void addOriginal(String sourceId, String key) {
        add(sourceId, "o:" + key);
    }

    /**
     * @param path a request path as received, which never holds a line break (a raw request line
     *             cannot); one that does is ignored
     */
    public void addPath(String sourceId, String path) {
        if (path.indexOf('\n') < 0 && path.indexOf('\r') < 0) {
            add(sourceId, "p:" + path);
        }
    }

    /**
     * Adds the entry unless it is there, dropping the oldest entries of its kind beyond the bound.
     * Worked on the text as it is stored, never split into lines: a source's entry can hold two
     * thousand of them, and every request records its path while CloudFront invalidation is on, and
     * every render of a new variant its key.
     */
    private void add(String sourceId, String entry) {
        index.update(sourceId, current -> {
            if (current == null || current.isEmpty()) {
                return entry;
            }
            if (holdsLine(current, entry)) {
                return current;
            }
            String kind = entry.substring(0, 2);
            String kept = current;
            for (int n = linesOfKind(kept, kind); n >= boundOf(kind); n--) {
                kept = withoutFirstLineOfKind(kept, kind);
            }
            return kept.isEmpty() ? entry : kept + "\n" + entry;
        });
    }

    private static int boundOf(String kind) {
        return kind.equals("p:") ? MAX_PATHS_PER_SOURCE : MAX_KEYS_PER_SOURCE;
    }

    /** Whether {@code line} is one of the newline-separated lines of {@code text}, not just a part of one. */
    static boolean holdsLine(String text, String line) {
        for (int i = text.indexOf(line); i >= 0; i = text.indexOf(line, i + 1)) {
            int end = i + line.length();
            if ((i == 0 || text.charAt(i - 1) == '\n') && (end == text.length() || text.charAt(end) == '\n')) {
                return true;
            }
        }
        return false;
    }

    /** How many of the newline-separated lines of {@code text} start with {@code kind}. */
    static int linesOfKind(String text, String kind) {
        int n = text.startsWith(kind) ? 1 : 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (text.startsWith(kind, i + 1)) {
                n++;
            }
        }
        return n;
    }

    /** {@code text} without its first line that starts with {@code kind} (the oldest of that kind). */
    static String withoutFirstLineOfKind(String text, String kind) {
        for (int start = 0; start >= 0 && start < text.length(); ) {
            int end = text.indexOf('\n', start);
            if (text.startsWith(kind, start)) {
                if (end < 0) {
                    return start == 0 ? "" : text.substring(0, start - 1);
                }
                return text.substring(0, start) + text.substring(end + 1);
            }
            start = end < 0 ? -1 : end + 1;
        }
        return text;
    }

    /** The rendition keys, the original keys and the recorded request paths of a source. */
    public record Entries(Set<String> renditions, Set<String> originals, Set<String> paths) {
    }

    public Entries entries(String sourceId) {
        String value = index.get(sourceId);
        Set<String> renditions = new LinkedHashSet<>();
        Set<String> originals = new LinkedHashSet<>();
        Set<String> paths = new LinkedHashSet<>();
        if (value != null) {
            for (String e : value.split("\n")) {
                if (e.startsWith("r:")) {
                    renditions.add(e.substring(2));
                } else if (e.startsWith("o:")) {
                    originals.add(e.substring(2));
                } else if (e.startsWith("p:")) {
                    paths.add(e.substring(2));
                }
            }
        }
        return new Entries(renditions, originals, paths);
    }

    public void forget(String sourceId) {
        index.remove(sourceId);
    }

    public void clear() {
        index.clear();
    }
}
