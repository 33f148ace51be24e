package io.thumbler.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.management.ObjectName;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

import io.thumbler.cache.SourcePurged;
import io.thumbler.jmx.MXBeans;

/**
 * After this node purged a source (asked directly, or told by another node), invalidates at
 * CloudFront the paths this node recorded for it, in calls of {@code THUMBLER_CLOUDFRONT_BATCH_PATHS}
 * paths, on a managed thread: the purge answer never waits for AWS, and a failure is logged and
 * counted but never undoes or fails the purge. Credentials come from the AWS SDK's default chain
 * (environment, system properties, profile, container or instance role).
 */
@ApplicationScoped
public class CloudFrontInvalidations implements CloudFrontMXBean {

    private static final Logger LOG = Logger.getLogger(CloudFrontInvalidations.class.getName());

    @Inject
    CloudFrontSettings configured;

    @Resource
    ManagedExecutorService managedExecutor;

    private Executor executor;
    private CloudFrontSettings settings;
    private CloudFrontInvalidator invalidator;
    private ObjectName registered;
    private final AtomicLong invalidations = new AtomicLong();
    private final AtomicLong invalidatedPaths = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong skippedPaths = new AtomicLong();
    private volatile String lastFailure = "";
    private volatile String lastInvalidationId = "";

    @PostConstruct
    void open() {
        start(configured, managedExecutor, DefaultCredentialsProvider.builder().build());
    }

    /** @param executor where the calls run: the container's managed executor, or the caller's thread in tests */
    void start(CloudFrontSettings settings, Executor executor, AwsCredentialsProvider credentials) {
        this.settings = settings;
        this.executor = executor;
        if (settings.enabled()) {
            invalidator = new CloudFrontInvalidator(settings, credentials);
            LOG.info(() -> "purges invalidate their recorded paths at CloudFront distribution " + settings.distributionId().get()
                    + settings.endpoint().map(e -> " through " + e).orElse(""));
        }
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registered = MXBeans.register("CloudFront", this, CloudFrontMXBean.class);
    }

    @PreDestroy
    void close() {
        MXBeans.unregister(registered);
        if (invalidator != null) {
            invalidator.close();
        }
    }

    public CloudFrontSettings settings() {
        return settings;
    }

    void purged(@Observes SourcePurged purged) {
        if (invalidator == null || purged.paths().isEmpty()) {
            return;
        }
        List<String> paths = new ArrayList<>();
        for (String recorded : purged.paths()) {
            Optional<String> path = InvalidationPaths.of(recorded);
            path.ifPresentOrElse(paths::add, () -> {
                skippedPaths.incrementAndGet();
                LOG.warning(() -> "CloudFront cannot invalidate this path exactly, so it stays cached there until it expires: " + recorded);
            });
        }
        List<List<String>> batches = InvalidationPaths.batches(paths, settings.batchPaths());
        try {
            executor.execute(() -> send(purged.purgeId(), batches));
        } catch (RuntimeException e) {
            failed(purged.purgeId(), paths.size(), e);
        }
    }

    private void send(String purgeId, List<List<String>> batches) {
        for (List<String> batch : batches) {
            try {
                String id = invalidator.invalidate(batch);
                invalidations.incrementAndGet();
                invalidatedPaths.addAndGet(batch.size());
                lastInvalidationId = id;
                LOG.info(() -> "CloudFront invalidation " + id + ": " + batch.size() + " paths of " + purgeId);
            } catch (RuntimeException e) {
                failed(purgeId, batch.size(), e);
            }
        }
    }

    private void failed(String purgeId, int paths, RuntimeException e) {
        failures.incrementAndGet();
        lastFailure = purgeId + ": " + e;
        LOG.log(Level.WARNING, "CloudFront invalidation of " + paths + " paths of " + purgeId
                + " failed; they stay cached at the edge until they expire (purge again to retry): " + e.getMessage(), e);
    }

    @Override
    public boolean isEnabled() {
        return invalidator != null;
    }

    @Override
    public long getInvalidations() {
        return invalidations.get();
    }

    @Override
    public long getInvalidatedPaths() {
        return invalidatedPaths.get();
    }

    @Override
    public long getFailures() {
        return failures.get();
    }

    @Override
    public long getSkippedPaths() {
        return skippedPaths.get();
    }

    @Override
    public String getLastFailure() {
        return lastFailure;
    }

    @Override
    public String getLastInvalidationId() {
        return lastInvalidationId;
    }
}
