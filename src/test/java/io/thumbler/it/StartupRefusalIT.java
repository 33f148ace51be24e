package io.thumbler.it;

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
 * Starts the real Payara Micro with the WAR and no signing key: the service must refuse to run,
 * exit non-zero and say which key is missing, instead of staying up and answering 404.
 */
class StartupRefusalIT {

    @TempDir
    Path work;

    @Test
    void refusesToStartWithoutASigningKey() throws IOException, InterruptedException {
        Path log = work.resolve("payara.log");
        ProcessBuilder pb = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dhazelcast.socket.bind.any=false",
                "-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy", System.getProperty("thumbler.war", "target/thumbler.war"),
                "--port", "28080", "--autoBindHttp", "--autoBindRange", "1000", "--nohazelcast", "--interfaces", "127.0.0.1",
                "--prebootcommandfile", System.getProperty("thumbler.preboot", "server-config/pre-boot-commands.asadmin"),
                "--postdeploycommandfile", System.getProperty("thumbler.postdeploy", "server-config/post-deploy-commands.asadmin")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("THUMBLER_"));
        Process payara = pb.start();
        try {
            boolean exited = payara.waitFor(180, TimeUnit.SECONDS);
            String output = Files.readString(log, StandardCharsets.UTF_8);

            assertThat(exited).as("Payara should exit on its own; output:%n%s", output).isTrue();
            assertThat(payara.exitValue()).as("exit code; output:%n%s", output).isEqualTo(2);
            assertThat(output).contains("Thumbler refuses to start: thumbler.key (THUMBLER_KEY): no signing key is set");
        } finally {
            payara.destroyForcibly();
        }
    }
}
