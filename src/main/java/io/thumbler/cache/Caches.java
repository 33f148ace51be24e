package io.thumbler.cache;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
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
@Singleton
// No container transactions: nothing here is transactional, and a JTA transaction per call
// (the default) was measured as a large share of a cache hit's CPU.
@TransactionManagement(TransactionManagementType.BEAN)
@Startup
@DependsOn("ImageMagickSetup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Caches {

    private static final Logger LOG = Logger.getLogger(Caches.class.getName());

    @Inject
    ConfigReader config;

    @Inject
    ImageMagickSetup imageMagick;

    /** Payara's Hazelcast JCache manager; only looked up in clustered mode. */
    @Inject
    Instance<CacheManager> clusterManager;

    private final CacheFailures failures = new CacheFailures();
    private CacheSettings settings;
    private String rendererVersion;
    private CacheStores stores;

    @PostConstruct
    void open() {
        settings = CacheSettings.read(config);
        rendererVersion = RendererVersion.of(imageMagick.settings().convertBinary(), imageMagick.policyDir().resolve("policy.xml"));
        if (!settings.enabled()) {
            LOG.info("THUMBLER_CACHE_ENABLED=false: every request fetches its original and renders");
            return;
        }
        Cache<String, byte[]> shared = settings.clustered() ? ClusterTier.renditions(clusterManager, failures) : null;
        try {
            stores = CacheStores.open(settings, failures, CacheStores.MANAGER_URI, shared);
            LOG.info(() -> "caches open: " + settings.configFile().map(f -> "configuration " + f)
                    .orElse("disk tier in " + settings.dir()) + ", renderer version " + rendererVersion
                    + (shared != null ? ", cluster tier " + shared.getName() : ""));
        } catch (RuntimeException e) {
            failures.record("manager", "open", e);
            LOG.log(Level.SEVERE, "the caches cannot be opened; Thumbler runs without them: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        if (stores != null) {
            stores.close();
            stores = null;
        }
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
