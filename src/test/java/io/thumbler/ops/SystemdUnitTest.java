package io.thumbler.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The shipped systemd unit (deploy/systemd/thumbler.service) as systemd itself reads it. */
class SystemdUnitTest {

    private static final Path UNIT = Path.of("deploy/systemd/thumbler.service");

    @Test
    void systemdAcceptsTheUnit() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed");
        Process p = new ProcessBuilder(analyze.toString(), "verify", UNIT.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as("systemd's remarks about the unit").doesNotContain("thumbler.service");
    }

    @Test
    void aStopBySigtermIsASuccessAndEveryWritablePathIsOneSystemdCreates() throws IOException {
        List<String> lines = Files.readAllLines(UNIT);
        assertThat(lines).as("the JVM exits 143 on SIGTERM").contains("SuccessExitStatus=143");
        List<String> created = lines.stream().filter(l -> l.startsWith("CacheDirectory=")).map(l -> "/var/cache/" + value(l)).toList();
        List<String> writable = lines.stream().filter(l -> l.startsWith("ReadWritePaths="))
                .flatMap(l -> Arrays.stream(value(l).split("\\s+"))).toList();
        // ProtectSystem=strict makes a ReadWritePaths= entry that does not exist fail the service's start.
        assertThat(created).containsAll(writable);
        String temp = lines.stream().filter(l -> l.startsWith("Environment=THUMBLER_TEMP_DIR=")).findFirst().orElseThrow();
        assertThat(temp).as("render files in the private /tmp").endsWith("=/tmp/thumbler");
        assertThat(lines).contains("PrivateTmp=true");
        String cache = lines.stream().filter(l -> l.startsWith("Environment=THUMBLER_CACHE_DIR=")).findFirst().orElseThrow();
        assertThat(created).contains(value(cache.substring("Environment=".length())));
    }

    private static String value(String line) {
        return line.substring(line.indexOf('=') + 1).trim();
    }
}
