package io.thumbler.source;

import java.time.Duration;
import java.util.Locale;

/** Durations as the configuration and the messages spell them: seconds, fractions allowed. */
final class Seconds {

    private Seconds() {
    }

    static Duration of(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    static String describe(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
