package io.thumbler.testing;

import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects the WARNING messages one class logs while an action runs. */
public final class LoggedWarnings {

    private LoggedWarnings() {
    }

    /** Runs {@code action}, adding to {@code warnings} what {@code loggerOf}'s logger warns meanwhile. */
    public static <T> T collect(Class<?> loggerOf, List<String> warnings, Supplier<T> action) {
        Logger log = Logger.getLogger(loggerOf.getName());
        Handler collect = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel() == Level.WARNING) {
                    warnings.add(r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(collect);
        try {
            return action.get();
        } finally {
            log.removeHandler(collect);
        }
    }
}
