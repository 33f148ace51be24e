package io.thumbler.cache;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which cache entries belong to which source, so that a purge finds every variant of a source. It
 * is a cache of its own with a persistent disk tier, so that it survives a restart together with
 * the entries it lists. Entries are written as {@code r:<key>} (rendition) and {@code o:<key>}
 * (original).
 *
 * <p>Bounded: a source keeps its {@value #MAX_KEYS_PER_SOURCE} most recent keys, because every
 * cache-busted URL adds one. A variant beyond that is no longer purgeable by source (only by
 * {@code clear}); at that count its older keys have long been evicted in practice.
 */
public final class SourceIndex {

    static final int MAX_KEYS_PER_SOURCE = 1024;

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

    private void add(String sourceId, String entry) {
        index.update(sourceId, current -> {
            Set<String> entries = current == null ? new LinkedHashSet<>() : new LinkedHashSet<>(List.of(current.split("\n")));
            if (!entries.add(entry)) {
                return current;
            }
            List<String> list = new ArrayList<>(entries);
            return String.join("\n", list.subList(Math.max(0, list.size() - MAX_KEYS_PER_SOURCE), list.size()));
        });
    }

    /** The rendition keys and the original keys of a source. */
    public record Entries(Set<String> renditions, Set<String> originals) {
    }

    public Entries entries(String sourceId) {
        String value = index.get(sourceId);
        Set<String> renditions = new LinkedHashSet<>();
        Set<String> originals = new LinkedHashSet<>();
        if (value != null) {
            for (String e : value.split("\n")) {
                if (e.startsWith("r:")) {
                    renditions.add(e.substring(2));
                } else if (e.startsWith("o:")) {
                    originals.add(e.substring(2));
                }
            }
        }
        return new Entries(renditions, originals);
    }

    public void forget(String sourceId) {
        index.remove(sourceId);
    }

    public void clear() {
        index.clear();
    }
}
