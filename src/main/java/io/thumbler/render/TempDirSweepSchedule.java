package io.thumbler.render;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Removes what renders left behind when a JVM died mid-render or ImageMagick was SIGKILLed (which
 * leaves its {@code magick-*} spill files behind): at startup and every ten minutes, work
 * directories older than a few render deadlines.
 */
@ApplicationScoped
public class TempDirSweepSchedule {

    /** How often the sweep runs after the first one at startup. */
    static final Duration INTERVAL = Duration.ofMinutes(10);

    private static final Logger LOG = Logger.getLogger(TempDirSweepSchedule.class.getName());

    @Inject
    RenderSettings settings;

    /** The container's scheduler: its threads are managed (and stopped) by the server, not by Thumbler. */
    @Resource
    ManagedScheduledExecutorService scheduler;

    private TempDirSweeper sweeper;
    private ScheduledFuture<?> schedule;

    /**
     * Sweeps once now, then every {@link #INTERVAL}. Called at startup (after the settings were
     * validated); a plain scheduled task rather than an EJB timer, so no timer service or timer
     * database is involved.
     */
    public void start() {
        // Older than three deadlines plus a minute: no live render can still own it.
        Duration maxAge = settings.renderTimeout().multipliedBy(3).plusMinutes(1);
        sweeper = new TempDirSweeper(settings.tempDir(), maxAge);
        sweep();
        schedule = scheduler.scheduleWithFixedDelay(this::sweep, INTERVAL.toMinutes(), INTERVAL.toMinutes(), TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

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
