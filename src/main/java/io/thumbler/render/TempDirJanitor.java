package io.thumbler.render;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

/**
 * Removes what renders left behind when a JVM died mid-render or ImageMagick was SIGKILLed (which
 * leaves its {@code magick-*} spill files behind): at startup and every ten minutes, work
 * directories older than a few render deadlines.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
@Startup
@DependsOn("ImageMagickSetup")
public class TempDirJanitor {

    private static final Logger LOG = Logger.getLogger(TempDirJanitor.class.getName());

    @Inject
    ImageMagickSetup imageMagick;

    private TempDirSweeper sweeper;

    @PostConstruct
    void start() {
        RenderSettings settings = imageMagick.settings();
        // Older than three deadlines plus a minute: no live render can still own it.
        Duration maxAge = settings.renderTimeout().multipliedBy(3).plusMinutes(1);
        sweeper = new TempDirSweeper(settings.tempDir(), maxAge);
        sweep();
    }

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void sweep() {
        try {
            TempDirSweeper.Sweep s = sweeper.sweep();
            if (s.workDirs() > 0 || s.magickFiles() > 0 || !s.failures().isEmpty()) {
                LOG.log(Level.INFO, "temp sweeper removed {0} work dirs and {1} magick files ({2} bytes); failures: {3}",
                        new Object[] {s.workDirs(), s.magickFiles(), s.bytes(), s.failures()});
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "temp sweeper failed", e);
        }
    }
}
