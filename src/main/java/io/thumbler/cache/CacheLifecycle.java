package io.thumbler.cache;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import javax.cache.Cache;
import javax.cache.CacheManager;

import io.thumbler.config.ConfigReader;
import io.thumbler.render.ImageMagickSetup;

/**
 * The deployment's caches: opened at startup (after ImageMagick, whose version is part of every
 * rendition key), closed at undeploy so that the disk tier is readable at the next start.
 *
 * <p>When the caches cannot be opened (the directory cannot be made, another process holds it)
 * Thumbler logs why and runs without them: a cache is an optimisation, never a reason to be down.
 */
@ApplicationScoped
public class CacheLifecycle {

    private static final Logger LOG = Logger.getLogger(CacheLifecycle.class.getName());

    @Inject
    ConfigReader config;

    @Inject
    ImageMagickSetup imageMagick;

    /** Payara's Hazelcast JCache manager; only looked up in clustered mode. */
    @Inject
    Instance<CacheManager> clusterManager;

    @Inject
    CacheSettings settings;

    private final CacheFailures failures = new CacheFailures();
    private String rendererVersion;
    private CacheStores stores;
    private volatile String state = "starting";

    @PostConstruct
    void open() {
        rendererVersion = RendererVersion.of(imageMagick.settings().convertBinary(), imageMagick.policyDir().resolve("policy.xml"));
        if (!settings.enabled()) {
            LOG.info("THUMBLER_CACHE_ENABLED=false: every request fetches its original and renders");
            state = "off: THUMBLER_CACHE_ENABLED=false";
            return;
        }
        Cache<String, byte[]> shared = settings.clustered() ? ClusterTier.renditions(clusterManager, failures) : null;
        try {
            boolean dirConfigured = config.optional("thumbler.cache.dir").isPresent();
            stores = CacheDirectoryChoice.open(settings, dirConfigured, s -> CacheStores.open(s, failures, CacheStores.MANAGER_URI, shared));
            state = "open: " + settings.configFile().map(f -> "configuration " + f).orElse("disk tier in " + stores.dir());
            LOG.info(() -> "caches " + state + ", renderer version " + rendererVersion
                    + (shared != null ? ", cluster tier " + shared.getName() : ""));
        } catch (RuntimeException e) {
            failures.record("manager", "open", e);
            state = "failed: " + reason(e);
            LOG.log(Level.SEVERE, "the caches cannot be opened, so Thumbler runs without them (every request renders): "
                    + reason(e), e);
        }
    }

    @PreDestroy
    void close() {
        if (stores != null) {
            stores.close();
            stores = null;
        }
    }

    /**
     * Ehcache's own message, and what to do when the usual cause is behind it: a second Thumbler on
     * the same host with the same {@code THUMBLER_CACHE_DIR} finds the directory locked.
     */
    private String reason(RuntimeException e) {
        StringBuilder why = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && why.indexOf(t.getMessage()) < 0) {
                why.append(why.length() == 0 ? "" : "; ").append(t.getMessage());
            }
        }
        if (why.toString().contains("locked")) {
            why.append(" (another process uses ").append(settings.dir())
                    .append(": give each instance its own THUMBLER_CACHE_DIR)");
        }
        return why.toString();
    }

    /** {@code open: …}, {@code off: …} or {@code failed: <reason>}: what readiness and JMX report. */
    public String state() {
        return state;
    }

    /** The open caches, or empty when caching is off or could not start. */
    public Optional<CacheStores> stores() {
        return Optional.ofNullable(stores);
    }

    public CacheSettings settings() {
        return settings;
    }

    /** {@link RendererVersion} of this process. */
    public String rendererVersion() {
        return rendererVersion;
    }

    public CacheFailures failures() {
        return failures;
    }
}
