package io.thumbler.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a child process is given and what is taken from it: only the environment it needs (never
 * the server's, whose variables hold the signing key and cloud credentials), and its output through
 * files in the work directory, bounded, however much it writes.
 */
class ConvertProcessEnvironmentTest {

    @TempDir
    Path temp;

    @Test
    void theChildSeesOnlyItsOwnEnvironment() throws IOException {
        // /usr/bin/env as the "convert": it prints the environment it was given, one NAME=value per line.
        ConvertProcess env = new ConvertProcess(Path.of("/usr/bin/env"), Map.of("MAGICK_THREAD_LIMIT", "1"), Duration.ofSeconds(10));
        Path work = Files.createDirectory(temp.resolve("work"));

        ConvertProcess.Result r = env.run(List.of(), work);

        assertThat(r.succeeded()).isTrue();
        Set<String> names = Arrays.stream(r.stdout().split("\n")).map(l -> l.substring(0, l.indexOf('='))).collect(Collectors.toSet());
        assertThat(names).as("the server's variables (THUMBLER_KEY, AWS_*, HOME, …) are not passed on")
                .containsExactlyInAnyOrder("PATH", "LC_ALL", "MAGICK_THREAD_LIMIT", "MAGICK_TIME_LIMIT");
        assertThat(r.stdout()).contains("LC_ALL=C", "PATH=/usr/bin:/bin");
        assertThat(System.getenv()).as("the test JVM itself has variables that could leak").isNotEmpty();
    }

    @Test
    void aChattyProcessNeitherBlocksNorFillsTheHeapAndItsOutputGoesWithTheWorkDirectory() throws IOException {
        // 4 MB on stderr, far beyond a pipe's 64 KB: a child writing into an unread pipe would block until its deadline.
        Path script = temp.resolve("chatty");
        Files.writeString(script, "#!/bin/sh\nhead -c 4000000 /dev/zero | tr '\\0' x >&2\necho done\nexit 3\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path work = Files.createDirectory(temp.resolve("work"));

        long t0 = System.nanoTime();
        ConvertProcess.Result r = new ConvertProcess(script, Map.of(), Duration.ofSeconds(20)).run(List.of(), work);

        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms: ended on its own, not at the deadline").isLessThan(15_000);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdout()).isEqualTo("done");
        assertThat(r.stderr()).hasSize(ConvertProcess.STDERR_LIMIT).matches("x+");
        try (var files = Files.list(work)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(ConvertProcess.STDOUT_FILE, ConvertProcess.STDERR_FILE);
        }
    }
}
