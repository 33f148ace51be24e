package io.thumbler.cache;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import io.thumbler.source.SourceUri;

/**
 * Removes every cached variant of one source (all transforms, formats and versions), its cached
 * originals and what is remembered about it, so that the next request fetches and renders afresh.
 * Used by the admin endpoint and the {@code io.thumbler:type=Caches} MXBean.
 *
 * <p>Fleet-wide: in clustered mode the purge is announced to every other node of the Data Grid
 * ({@link OtherNodes}), which removes the same source from its own tiers ({@link
 * PurgesFromOtherNodes}); each node finds its entries through its own source index, and copies it
 * took from the shared tier are indexed too. The other nodes do it moments later, asynchronously.
 *
 * <p>A render of the source that is running during the purge may store its variant after it;
 * purge again after an upload has settled.
 */
@ApplicationScoped
public class SourcePurge {

    private static final Logger LOG = Logger.getLogger(SourcePurge.class.getName());

    @Inject
    OpenCaches caches;

    @Inject
    Event<CachesInvalidated> invalidated;

    @Inject
    Event<SourcePurged> purgedSources;

    @Inject
    OtherNodes otherNodes;

    /**
     * @param renditions      variants removed on this node
     * @param originals       original versions removed on this node
     * @param paths           request paths recorded for the source on this node (what CloudFront
     *                        invalidation gets from this node)
     * @param otherNodesTold  whether the purge was sent to the other nodes of the Data Grid
     */
    public record Purged(String source, int renditions, int originals, int paths, boolean otherNodesTold) {
    }

    /**
     * Purges here and tells the other nodes.
     *
     * @param address a source address as in a URL ({@code local:///a.jpg}, {@code s3://bucket/key}, …);
     *                an S3 {@code versionId} in it is ignored: every version's variants go
     * @param by      who asked, for the audit line ({@link PurgeAudit#rest}, {@link PurgeAudit#jmx})
     * @throws io.thumbler.error.ThumblerException 400 when the address is not a valid source
     */
    public Purged purge(String address, String by) {
        String sourceId;
        try {
            sourceId = CacheKeys.purgeId(SourceUri.parse(address));
        } catch (RuntimeException e) {
            PurgeAudit.refused(by, "purge", e.getMessage());
            throw e;
        }
        Purged here = purgeHere(sourceId);
        boolean told = otherNodes.announce(FleetMessage.purge(sourceId));
        Purged purged = new Purged(here.source(), here.renditions(), here.originals(), here.paths(), told);
        PurgeAudit.purged(by, purged);
        return purged;
    }

    /** The purge on this node only: what another node's announcement asks for. */
    Purged purgeHere(String sourceId) {
        SourceIndex.Entries removed = caches.stores().map(s -> purge(s, sourceId))
                .orElse(new SourceIndex.Entries(Set.of(), Set.of(), Set.of()));
        invalidated.fire(new CachesInvalidated(Optional.of(sourceId)));
        purgedSources.fire(new SourcePurged(sourceId, removed.paths()));
        return new Purged(sourceId, removed.renditions().size(), removed.originals().size(), removed.paths().size(), false);
    }

    /** Removes a source's entries from the stores; answers what the index listed (and so what went). */
    static SourceIndex.Entries purge(CacheStores stores, String sourceId) {
        SourceIndex.Entries entries = stores.index().entries(sourceId);
        // Forget the version first: a request arriving meanwhile then re-learns it instead of
        // recomputing a key that is about to disappear.
        stores.facts().remove(sourceId);
        stores.renditions().removeAll(entries.renditions());
        stores.originals().removeAll(entries.originals());
        stores.index().forget(sourceId);
        return entries;
    }

    /**
     * Empties one cache here and on the other nodes.
     *
     * @param name {@code renditions}, {@code originals}, {@code source-facts}, {@code source-index} or {@code all}
     * @param by   who asked, for the audit line
     * @throws IllegalArgumentException for any other name
     */
    public void clear(String name, String by) {
        try {
            clearHere(name);
        } catch (IllegalArgumentException e) {
            PurgeAudit.refused(by, "clear", e.getMessage());
            throw e;
        }
        PurgeAudit.cleared(by, name, otherNodes.announce(FleetMessage.clear(name)));
    }

    void clearHere(String name) {
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
    }
}
