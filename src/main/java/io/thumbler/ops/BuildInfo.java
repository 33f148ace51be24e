package io.thumbler.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What was built: the project version and the git commit, written into {@code build.properties}
 * by Maven's resource filtering. A build outside a git checkout (a source tarball) has no commit:
 * it reads {@code unknown}, as does anything filtering left unresolved.
 *
 * @param version the Maven project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param commit  the abbreviated git commit, with {@code -dirty} when the work tree had changes
 */
public record BuildInfo(String version, String commit) {

    static final String RESOURCE = "build.properties";

    /** The build this class was packaged in. */
    public static BuildInfo current() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new BuildInfo("unknown", "unknown");
            }
            Properties p = new Properties();
            p.load(in);
            return of(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the WAR: " + e.getMessage(), e);
        }
    }

    static BuildInfo of(Properties p) {
        String commit = resolved(p.getProperty("commit"));
        if (!commit.equals("unknown") && Boolean.parseBoolean(p.getProperty("dirty"))) {
            commit += "-dirty";
        }
        return new BuildInfo(resolved(p.getProperty("version")), commit);
    }

    private static String resolved(String value) {
        return value == null || value.isBlank() || value.contains("${") ? "unknown" : value.trim();
    }
}
