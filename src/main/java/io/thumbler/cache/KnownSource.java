package io.thumbler.cache;

/**
 * A source's facts as the flow needs them to compute a rendition key. When learning them meant
 * fetching the original, the original went into the original cache and is not carried here: a
 * request that goes on to wait for a render slot holds no original meanwhile.
 *
 * @param facts      version, format, modification time
 * @param remembered whether the facts came from the cache without touching the origin
 * @param stale      whether they are past the source TTL, used because the origin failed to answer
 *                   (within {@code THUMBLER_STALE_IF_ERROR})
 */
public record KnownSource(SourceFacts facts, boolean remembered, boolean stale) {

    public KnownSource(SourceFacts facts, boolean remembered) {
        this(facts, remembered, false);
    }
}
