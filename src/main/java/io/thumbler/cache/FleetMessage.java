package io.thumbler.cache;

import java.util.Optional;

/**
 * What one node tells the others of the Data Grid after a purge or a clear, as the plain string the
 * CDI event bus carries: {@code purge <purge id>} or {@code clear <cache name>}. A string, not a
 * class of ours, because the bus deserialises a payload on the receiving node, where a class of the
 * application would depend on which class loader is current there.
 *
 * @param kind   {@code purge} or {@code clear}
 * @param target the purged source's {@link CacheKeys#purgeId}, or the cleared cache's name
 */
public record FleetMessage(String kind, String target) {

    static final String PURGE = "purge";
    static final String CLEAR = "clear";

    public static FleetMessage purge(String purgeId) {
        return new FleetMessage(PURGE, purgeId);
    }

    public static FleetMessage clear(String cacheName) {
        return new FleetMessage(CLEAR, cacheName);
    }

    public String encode() {
        return kind + ' ' + target;
    }

    /** The message in {@code text}, or empty when it is none of ours (another version's, another sender's). */
    public static Optional<FleetMessage> decode(String text) {
        int space = text == null ? -1 : text.indexOf(' ');
        if (space <= 0 || space == text.length() - 1) {
            return Optional.empty();
        }
        String kind = text.substring(0, space);
        if (!kind.equals(PURGE) && !kind.equals(CLEAR)) {
            return Optional.empty();
        }
        return Optional.of(new FleetMessage(kind, text.substring(space + 1)));
    }
}
