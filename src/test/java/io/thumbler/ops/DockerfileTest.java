package io.thumbler.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped Dockerfile (deploy/docker/Dockerfile), which no machine here can build: linted by
 * dockerfile-utils (installed by .ci/run into deploy/docker/lint), and held to what a container
 * deployment needs.
 */
class DockerfileTest {

    private static final Path DOCKERFILE = Path.of("deploy/docker/Dockerfile");
    private static final Path LINT = Path.of("deploy/docker/lint");

    @TempDir
    Path work;

    @Test
    void theLinterFindsNoProblemAndWouldFindOne() throws Exception {
        installLinter();
        assertThat(lint(DOCKERFILE)).as("the shipped Dockerfile").startsWith("0 problem(s) in ");

        Path broken = work.resolve("Dockerfile");
        Files.writeString(broken, "FROM payara/micro:6.2025.10-jdk17\nEXPOSE eighty\nHEALTHCHECK --interval=banana CMD true\n");
        assertThat(lint(broken)).as("a Dockerfile with a bad port and a bad duration").contains("line 2: ", "line 3: ")
                .doesNotStartWith("0 problem(s)");
    }

    @Test
    void theBaseIsPinnedAndTheServiceRunsAsItsOwnUser() throws IOException {
        List<String> lines = instructions();
        assertThat(lines.get(0)).matches("FROM payara/micro:6\\.\\d{4}\\.\\d+-jdk17");
        List<String> users = lines.stream().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).last().isEqualTo("USER payara");
    }

    @Test
    void memoryFollowsTheContainerLimitAndNothingFixesTheHeapBesideIt() throws IOException {
        String all = String.join("\n", instructions());
        assertThat(all).contains("sed -e '/^-Xm[sx]/d' /opt/thumbler/server-config/jvm.options > /opt/thumbler/jvm.container.options",
                "-XX:MaxRAMPercentage=25");
        String entrypoint = entrypoint(all);
        assertThat(entrypoint).contains("\"@/opt/thumbler/jvm.container.options\"").doesNotContain("-Xmx", "-Xms", "jvm.options\"");
        assertThat(Files.readAllLines(Path.of("server-config/jvm.options")))
                .as("what the sed removes is all that fixes the heap").filteredOn(l -> l.startsWith("-Xm")).allMatch(l -> l.matches("-Xm[sx]\\S+"));
    }

    @Test
    void itStartsAsTheDocumentedProductionCommandAndChecksReadiness() throws IOException {
        String all = String.join("\n", instructions());
        assertThat(entrypoint(all)).contains("\"--nohazelcast\"", "\"--contextroot\", \"/\"",
                "\"--prebootcommandfile\", \"/opt/thumbler/server-config/pre-boot-commands.production.asadmin\"",
                "\"--postdeploycommandfile\", \"/opt/thumbler/server-config/post-deploy-commands.asadmin\"",
                "\"--logproperties\", \"/opt/thumbler/server-config/logging.properties\"");
        assertThat(all).containsPattern("HEALTHCHECK .*\\n?.*CMD curl -fsS http://127\\.0\\.0\\.1:8080/health/ready");
        assertThat(all).contains("MALLOC_ARENA_MAX=2", "THUMBLER_CACHE_DIR=/var/cache/thumbler", "VOLUME /var/cache/thumbler");
    }

    /** Instructions with continuation lines joined and comments dropped. */
    private static List<String> instructions() throws IOException {
        String text = Files.readString(DOCKERFILE).replaceAll("(?m)^#.*\\n", "").replace("\\\n", " ");
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String entrypoint(String all) {
        return all.lines().filter(l -> l.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
    }

    /** {@code npm ci} of the pinned linter, once per checkout (.ci/run does it before the tests). */
    private static void installLinter() throws Exception {
        if (Files.isDirectory(LINT.resolve("node_modules/dockerfile-utils"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(LINT.toFile()).redirectErrorStream(true).start();
        String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(npm.waitFor(300, TimeUnit.SECONDS)).as("npm ci in deploy/docker/lint").isTrue();
        assertThat(npm.exitValue()).as("npm ci in deploy/docker/lint: " + out).isZero();
    }

    private static String lint(Path dockerfile) throws Exception {
        Process p = new ProcessBuilder("node", LINT.resolve("lint.mjs").toAbsolutePath().toString(), dockerfile.toAbsolutePath().toString())
                .directory(LINT.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
