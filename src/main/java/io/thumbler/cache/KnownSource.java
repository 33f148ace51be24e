package io.thumbler.cache;

import java.util.Optional;

import io.thumbler.source.Original;

/**
 * A source's facts as the flow needs them to compute a rendition key.
 *
 * @param facts      version, format, modification time
 * @param fetched    the original, when learning the facts meant fetching it (the render then uses
 *                   it instead of fetching again)
 * @param remembered whether the facts came from the cache without touching the origin
 */
public record KnownSource(SourceFacts facts, Optional<Original> fetched, boolean remembered) {
}
