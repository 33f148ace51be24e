package io.thumbler.cache;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.management.ObjectName;

import io.thumbler.jmx.MXBeans;

/**
 * The {@code io.thumbler:type=Caches} MXBean, registered when the application starts and
 * unregistered when it is undeployed (a redeploy would otherwise find the name taken). The admin
 * endpoint shows the same numbers over HTTP.
 */
@ApplicationScoped
public class CachesMonitor implements CachesMXBean {

    private ObjectName registered;
    private static final CacheCounters UNKNOWN = new CacheCounters(-1, -1, -1, -1, -1, -1, -1, -1);

    @Inject
    CacheLifecycle caches;

    @Inject
    RenditionCache renditionCache;

    @Inject
    OriginalCache originalCache;

    @Inject
    SourceFactsCache sourceFacts;

    @Inject
    SourcePurge purge;

    @Inject
    OtherNodes otherNodes;

    @Inject
    PurgesFromOtherNodes fromOtherNodes;

    private EhcacheTierStatistics tiers;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registered = MXBeans.register("Caches", this, CachesMXBean.class);
    }

    @PreDestroy
    void unregister() {
        MXBeans.unregister(registered);
    }

    @Override
    public CacheCounters getRenditions() {
        return caches.stores().map(s -> counters(s, s.renditions().local(),
                renditionCache.renders().coalesced(), renditionCache.renders().loads())).orElse(UNKNOWN);
    }

    @Override
    public CacheCounters getOriginals() {
        long coalesced = originalCache.fetches().coalesced() + sourceFacts.fetches().coalesced();
        long loads = originalCache.fetches().loads() + sourceFacts.fetches().loads();
        return caches.stores().map(s -> counters(s, s.originals(), coalesced, loads)).orElse(UNKNOWN);
    }

    @Override
    public CacheCounters getClusterRenditions() {
        return caches.stores().map(s -> s.renditions().shared()).map(c -> new CacheCounters(c.hits(), c.misses(),
                -1, -1, c.failures(), -1, -1, -1)).orElse(UNKNOWN);
    }

    private CacheCounters counters(CacheStores stores, FailSafeCache<?, ?> cache, long coalesced, long loads) {
        if (tiers == null) {
            tiers = EhcacheTierStatistics.of(stores.manager());
        }
        long[] eeb = tiers.evictionsEntriesBytes(cache.name());
        return new CacheCounters(cache.hits(), cache.misses(), coalesced, loads, cache.failures(), eeb[0], eeb[1], eeb[2]);
    }

    @Override
    public long getPurgesSentToOtherNodes() {
        return otherNodes.announced();
    }

    @Override
    public long getPurgesFromOtherNodes() {
        return fromOtherNodes.received();
    }

    @Override
    public boolean isEnabled() {
        return caches.stores().isPresent();
    }

    @Override
    public String getState() {
        return caches.state();
    }

    @Override
    public String purgeSource(String source) {
        try {
            return purge.purge(source, PurgeAudit.jmx()).toString();
        } catch (io.thumbler.error.ThumblerException e) {
            // a JMX client has no Thumbler classes to unmarshal our exception with
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Override
    public void clear(String cacheName) {
        purge.clear(cacheName, PurgeAudit.jmx());
    }
}
