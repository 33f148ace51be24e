package io.thumbler.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the test interfaces need from the deployment they run against: one Payara boot serves
 * several groups of tests (each an interface with default test methods), because every boot costs
 * 20–40 s.
 */
interface ServerUnderTest {

    ThumblerClient client();

    /** The folder the deployment reads {@code local:///} originals from (a copy of samples/). */
    static Path originals() {
        return Path.of(System.getProperty("thumbler.originals", "target/it-originals"));
    }

    /** The deployment's {@code THUMBLER_TEMP_DIR}. */
    static Path tempDir() {
        return Path.of(System.getProperty("thumbler.tempdir", "target/it-temp"));
    }

    /** No render left a work directory behind and no ImageMagick process of the server is alive. */
    static void assertNothingLeftBehind() {
        assertThat(workDirs()).as("render work directories left in %s", tempDir()).isEmpty();
        assertThat(liveConverts()).as("convert processes still running").isEmpty();
    }

    private static List<String> workDirs() {
        try (Stream<Path> entries = Files.list(tempDir())) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("thumbler-work-")).toList();
        } catch (IOException e) {
            return List.of("cannot list " + tempDir() + ": " + e);
        }
    }

    private static List<String> liveConverts() {
        String marker = tempDir().toAbsolutePath().toString();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .map(p -> {
                        try {
                            return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                        } catch (IOException e) {
                            return "";
                        }
                    })
                    .filter(cmd -> cmd.startsWith("/usr/bin/convert") && cmd.contains(marker))
                    .toList();
        } catch (IOException e) {
            return List.of("cannot list /proc: " + e);
        }
    }
}
