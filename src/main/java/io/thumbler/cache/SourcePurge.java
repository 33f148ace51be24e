package io.thumbler.cache;

import java.util.logging.Logger;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import io.thumbler.source.SourceUri;

/**
 * Removes every cached variant of one source (all transforms, formats and versions), its cached
 * originals and what is remembered about it, so that the next request fetches and renders afresh.
 * Used by the admin endpoint and the {@code io.thumbler:type=Caches} MXBean.
 *
 * <p>A render of the source that is running during the purge may store its variant after it;
 * purge again after an upload has settled. In clustered mode the purge removes the keys this node
 * knows from the shared tier too; keys only another node rendered stay in that node's local tiers
 * until it is purged as well (the admin endpoint is per node).
 */
@ApplicationScoped
public class SourcePurge {

    private static final Logger LOG = Logger.getLogger(SourcePurge.class.getName());

    @Inject
    OpenCaches caches;

    @Inject
    Event<CachesInvalidated> invalidated;

    /**
     * @param renditions variants removed
     * @param originals  original versions removed
     */
    public record Purged(String source, int renditions, int originals) {
    }

    /**
     * @param address a source address as in a URL ({@code local:///a.jpg}, {@code s3://bucket/key}, …);
     *                an S3 {@code versionId} in it is ignored: every version's variants go
     * @throws io.thumbler.error.ThumblerException 400 when the address is not a valid source
     */
    public Purged purge(String address) {
        String sourceId = CacheKeys.purgeId(SourceUri.parse(address));
        Purged purged = caches.stores().map(s -> purge(s, sourceId)).orElse(new Purged(sourceId, 0, 0));
        invalidated.fire(new CachesInvalidated(Optional.of(sourceId)));
        LOG.info(() -> "purged " + purged);
        return purged;
    }

    static Purged purge(CacheStores stores, String sourceId) {
        SourceIndex.Entries entries = stores.index().entries(sourceId);
        // Forget the version first: a request arriving meanwhile then re-learns it instead of
        // recomputing a key that is about to disappear.
        stores.facts().remove(sourceId);
        stores.renditions().removeAll(entries.renditions());
        stores.originals().removeAll(entries.originals());
        stores.index().forget(sourceId);
        return new Purged(sourceId, entries.renditions().size(), entries.originals().size());
    }

    /**
     * Empties one cache.
     *
     * @param name {@code renditions}, {@code originals}, {@code source-facts} or {@code all}
     * @throws IllegalArgumentException for any other name
     */
    public void clear(String name) {
        if (!CacheManagerConfiguration.ALIASES.contains(name) && !"all".equals(name)) {
            throw new IllegalArgumentException("no cache named '" + name + "'; the caches are "
                    + CacheManagerConfiguration.ALIASES + " and 'all'");
        }
        caches.stores().ifPresent(s -> {
            if (name.equals("renditions") || name.equals("all")) {
                s.renditions().clear();
            }
            if (name.equals("originals") || name.equals("all")) {
                s.originals().clear();
            }
            if (name.equals("source-facts") || name.equals("all")) {
                s.facts().clear();
            }
            if (name.equals("source-index") || name.equals("all")) {
                s.index().clear();
            }
        });
        if (!name.equals("originals")) {
            // Cleared renditions or forgotten versions: no URL may be answered from what was known.
            invalidated.fire(new CachesInvalidated(Optional.empty()));
        }
        LOG.info(() -> "cleared cache " + name);
    }
}
