package io.thumbler.ops;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.thumbler.cache.CacheSettings;
import io.thumbler.cache.RecentRenderFailures;
import io.thumbler.config.ConfigReader;
import io.thumbler.config.InvalidConfigurationException;
import io.thumbler.edge.CloudFrontSettings;
import io.thumbler.http.AccessLogFormat;
import io.thumbler.http.AccessLogTarget;
import io.thumbler.http.CacheHeaders;
import io.thumbler.http.OriginSecrets;
import io.thumbler.render.RenderSettings;
import io.thumbler.render.RenderSlots;
import io.thumbler.security.SignaturePolicy;
import io.thumbler.source.Originals;
import io.thumbler.thumbnails.ConfiguredWatermark;

/**
 * Reads and validates every setting before anything else starts. A bad value (or no signing key
 * without {@code THUMBLER_INSECURE=true}) stops the service with one log line that names the key:
 * Payara Micro would otherwise stay up and answer 404 to everything, which looks healthy to a
 * process supervisor. Set {@code THUMBLER_EXIT_ON_INVALID_CONFIG=false} to only fail the deployment.
 *
 * <p>Each feature's settings are read once, into the record (or bean) that feature is given: this
 * check creates those first, inside its error handling, and the features receive the same instances.
 * Two single values are checked by their owners' static readers, which are the only other readers:
 * the shutdown timeout and the temp dir's free-space floor.
 */
@ApplicationScoped
public class StartupCheck {

    private static final Logger LOG = Logger.getLogger(StartupCheck.class.getName());

    @Inject
    ConfigReader config;

    @Inject
    Instance<SignaturePolicy> signatures;

    @Inject
    Instance<Originals> originals;

    @Inject
    Instance<CacheHeaders> cacheHeaders;

    @Inject
    Instance<RecentRenderFailures> recentFailures;

    @Inject
    Instance<ConfiguredWatermark> watermark;

    @Inject
    Instance<RenderSettings> renderSettings;

    @Inject
    Instance<CacheSettings> cacheSettings;

    @Inject
    Instance<CloudFrontSettings> cloudFrontSettings;

    @Inject
    Instance<AccessLogFormat> accessLogFormat;

    @Inject
    Instance<AccessLogTarget> accessLogTarget;

    @Inject
    Instance<OriginSecrets> originSecrets;

    /** Called first by {@link ApplicationStartup}; throws (and, unless told otherwise, exits the JVM with 2) on a bad setting. */
    void validate() {
        try {
            SignaturePolicy policy = signatures.get();
            if (policy.isInsecure()) {
                LOG.warning("THUMBLER_INSECURE=true: signatures are NOT checked; any URL renders. Never run like this in production.");
            }
            originals.get().warmUp();
            cacheHeaders.get().cacheControl();
            recentFailures.get().size();
            renderSettings.get();
            RenderSlots.shutdownTimeout(config);
            TempDirReadiness.minFreeBytes(config);
            accessLogFormat.get();
            accessLogTarget.get();
            if (originSecrets.get().enabled()) {
                LOG.info("THUMBLER_ORIGIN_SECRET is set: requests without the right " + OriginSecrets.HEADER + " header get 403.");
            }
            cacheSettings.get();
            cloudFrontSettings.get();
            watermark.get().image();
        } catch (RuntimeException e) {
            InvalidConfigurationException invalid = causeOf(e);
            if (invalid == null) {
                throw e;
            }
            String message = "Thumbler refuses to start: " + invalid.getMessage();
            LOG.severe(message);
            if (config.bool("thumbler.exit-on-invalid-config", true)) {
                // Exit from another thread: System.exit waits for the deployment thread we are on.
                Thread exit = new Thread(() -> System.exit(2), "thumbler-invalid-config-exit");
                exit.setDaemon(true);
                exit.start();
            }
            throw new IllegalStateException(message);
        }
    }

    private static InvalidConfigurationException causeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidConfigurationException invalid) {
                return invalid;
            }
        }
        return null;
    }
}
