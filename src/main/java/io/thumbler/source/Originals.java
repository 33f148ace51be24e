package io.thumbler.source;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.thumbler.error.ThumblerException;

/**
 * Hands each source address to the kind of origin that serves its scheme. A scheme that this
 * deployment has not configured answers 404, like an address outside the allow-list: the client
 * learns nothing about what exists.
 */
public final class Originals {

    private final Map<SourceUri.Scheme, OriginalSource> byScheme = new EnumMap<>(SourceUri.Scheme.class);

    public Originals(List<OriginalSource> sources) {
        for (OriginalSource s : sources) {
            byScheme.put(s.scheme(), s);
        }
    }

    public Original fetch(SourceUri uri) {
        OriginalSource source = byScheme.get(uri.scheme());
        if (source == null) {
            throw ThumblerException.notFound("source '" + uri + "': " + uri.scheme().urlName()
                    + " originals are not enabled on this server");
        }
        return source.fetch(uri);
    }

    public boolean serves(SourceUri.Scheme scheme) {
        return byScheme.containsKey(scheme);
    }
}
