package io.thumbler.http;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.thumbler.config.ConfigReader;

/**
 * Where access-log lines go ({@code THUMBLER_ACCESS_LOG_TARGET}).
 *
 * <ul>
 * <li>{@code stdout} (default): each line as it is, straight to the process's standard output,
 * past Payara's logging: one clean line per request in the chosen format whatever formatter the
 * server log uses (Payara's ODL format wraps each record in a bracketed header and a blank line,
 * and re-configuring its log levels at runtime has reset that formatter to the JDK's two-line
 * one). journald and container runtimes collect standard output.</li>
 * <li>{@code log}: a record of the logger {@code io.thumbler.access} at INFO, for sites that route
 * Payara's log elsewhere (files with rotation, syslog); the server log's format applies.</li>
 * </ul>
 */
public enum AccessLogTarget {
    STDOUT,
    LOG;

    static final String KEY = "thumbler.access-log-target";

    public static AccessLogTarget read(ConfigReader config) {
        String v = config.string(KEY, "stdout");
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "stdout" -> STDOUT;
            case "log" -> LOG;
            default -> throw ConfigReader.invalid(KEY, "'" + v + "' is not one of stdout, log");
        };
    }

    /** The sink the access-log writer thread feeds. */
    AccessLogWriter.Sink sink(Logger accessLogger) {
        return switch (this) {
            case STDOUT -> new Lines(new FileOutputStream(FileDescriptor.out));
            // logp names the source itself: with plain info() JUL walks the writer thread's stack to find it, per line.
            case LOG -> line -> accessLogger.logp(Level.INFO, accessLogger.getName(), "request", line);
        };
    }

    /** Lines as UTF-8 bytes into a buffer that is flushed whenever the writer's queue runs empty. */
    static final class Lines implements AccessLogWriter.Sink {
        private final OutputStream out;

        Lines(OutputStream out) {
            this.out = new BufferedOutputStream(out, 64 * 1024);
        }

        @Override
        public void write(String line) {
            try {
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void flush() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
