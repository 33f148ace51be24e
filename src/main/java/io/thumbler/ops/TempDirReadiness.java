package io.thumbler.ops;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.thumbler.config.ConfigReader;
import io.thumbler.render.RenderSettings;

/**
 * Ready while renders can get temp space ({@code THUMBLER_TEMP_DIR} writable, at least
 * {@code THUMBLER_TEMP_DIR_MIN_FREE_MB} free, 256 by default); DOWN says which of the two failed.
 */
@Readiness
@ApplicationScoped
public class TempDirReadiness implements HealthCheck {

    static final String MIN_FREE_KEY = "thumbler.temp-dir-min-free-mb";

    @Inject
    RenderSettings renderSettings;

    @Inject
    ConfigReader config;

    private long minFreeBytes;

    @PostConstruct
    void readSettings() {
        minFreeBytes = minFreeBytes(config);
    }

    /** Validated by {@link StartupCheck}. */
    static long minFreeBytes(ConfigReader config) {
        return config.longValue(MIN_FREE_KEY, 256, 0, 1L << 30) * 1024 * 1024;
    }

    @Override
    public HealthCheckResponse call() {
        Path dir = renderSettings.tempDir();
        Optional<String> problem = TempDirProbe.problem(dir, minFreeBytes);
        return HealthCheckResponse.named("temp-dir")
                .status(problem.isEmpty())
                .withData("reason", problem.orElse("writable"))
                .withData("path", dir.toString())
                .build();
    }
}
