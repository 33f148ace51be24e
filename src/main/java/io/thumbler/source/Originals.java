package io.thumbler.source;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.thumbler.error.ThumblerException;

/**
 * Hands each source address to the kind of origin that serves its scheme. A scheme that this
 * deployment has not configured answers 404, like an address outside the allow-list: the client
 * learns nothing about what exists.
 */
public final class Originals implements AutoCloseable {

    private final Map<SourceUri.Scheme, OriginalSource> byScheme = new EnumMap<>(SourceUri.Scheme.class);
    private final OriginalsInFlight inFlight;

    public Originals(List<OriginalSource> sources, OriginalsInFlight inFlight) {
        this.inFlight = inFlight;
        for (OriginalSource s : sources) {
            byScheme.put(s.scheme(), s);
        }
    }

    /**
     * Reads the original from the kind that serves its scheme. The caller closes it once it is stored
     * (or given up), which returns its bytes to the in-flight budget.
     *
     * @throws ThumblerException 404 when the scheme is not enabled, else as {@link OriginalSource#fetch}
     */
    public Original fetch(SourceUri uri) {
        OriginalSource source = byScheme.get(uri.scheme());
        if (source == null) {
            throw ThumblerException.notFound("source '" + uri + "': " + uri.scheme().urlName()
                    + " originals are not enabled on this server");
        }
        return source.fetch(uri, inFlight);
    }

    /** Prepares every configured kind ({@link OriginalSource#warmUp()}); called once at startup. */
    public void warmUp() {
        byScheme.values().forEach(OriginalSource::warmUp);
    }

    /** Each configured kind that has a circuit breaker ({@code s3}) with its state. */
    public Map<String, String> circuits() {
        Map<String, String> states = new TreeMap<>();
        byScheme.forEach((scheme, source) -> source.circuit().ifPresent(state -> states.put(scheme.urlName(), state)));
        return states;
    }

    /** The byte budget of originals being read. */
    public OriginalsInFlight inFlight() {
        return inFlight;
    }

    /** The folder of {@code local:///} originals (its real path), when they are enabled. */
    public Optional<Path> localRoot() {
        return byScheme.get(SourceUri.Scheme.LOCAL) instanceof LocalOriginals local ? Optional.of(local.root()) : Optional.empty();
    }

    public boolean serves(SourceUri.Scheme scheme) {
        return byScheme.containsKey(scheme);
    }

    /** Releases the sources' clients and deadline threads; the application is going away. */
    @Override
    public void close() {
        for (OriginalSource source : byScheme.values()) {
            if (source instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // shutting down: nothing left to tell the client, and the next source must still close
                }
            }
        }
    }
}
