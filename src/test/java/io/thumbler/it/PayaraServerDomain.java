package io.thumbler.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A Payara Server domain made and driven by {@code deploy/payara-server/thumbler-domain.sh}, the
 * way an operator runs it: every step is one run of the script, with its output kept in a log.
 */
final class PayaraServerDomain {

    /** create starts the domain twice (the second time with its JVM options); each boot takes 15–60 s. */
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(600);

    private final Path script = Path.of(System.getProperty("thumbler.domainScript", "deploy/payara-server/thumbler-domain.sh"));
    private final Path payaraHome = Path.of(System.getProperty("payara.serverHome", "target/payara6"));
    private final Path domains;
    private final Path passwordFile;
    private final Path log;
    private final int portBase;
    private Path settings;

    PayaraServerDomain(Path work) throws IOException {
        this.domains = Files.createDirectories(work.resolve("domains"));
        this.passwordFile = work.resolve("admin-password");
        this.log = work.resolve("thumbler-domain.log");
        this.portBase = freePortBase();
    }

    /**
     * A port base under which every port the script hands out is free on loopback right now: the
     * domain's admin, HTTP and JMX ports (+48, +80, +86) and those of two group instances (the
     * same plus the Data Grid's +59, at +100 and +200).
     */
    private static int freePortBase() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20000 + 100 * ThreadLocalRandom.current().nextInt(300);
            if (List.of(48, 80, 86, 148, 180, 186, 159, 248, 280, 286, 259).stream().allMatch(offset -> free(base + offset))) {
                return base;
            }
        }
        throw new IOException("no free port base found between 20000 and 50000");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    int httpPort() {
        return portBase + 80;
    }

    int adminPort() {
        return portBase + 48;
    }

    int jmxPort() {
        return portBase + 86;
    }

    /** HTTP port of deployment-group instance {@code i} (1-based): the script gives it the port base + 100 × i. */
    int instanceHttpPort(int i) {
        return portBase + 100 * i + 80;
    }

    /** Admin, HTTP, JMX and Data Grid ports of instance {@code i}. */
    List<Integer> instancePorts(int i) {
        int base = portBase + 100 * i;
        return List.of(base + 48, base + 80, base + 86, base + 59);
    }

    /** The JVM of instance {@code i}, from its pid file under the distribution's node directory. */
    long instancePid(int i) throws IOException {
        return Long.parseLong(Files.readString(payaraHome.resolve("glassfish/nodes/localhost-thumbler/thumbler-" + i + "/config/pid"),
                StandardCharsets.US_ASCII).trim());
    }

    /** The domain's own directory: config/, logs/, and Thumbler's thumbler/{tmp,cache}. */
    Path dir() {
        return domains.resolve("thumbler");
    }

    Path serverLog() {
        return dir().resolve("logs/server.log");
    }

    /** The settings file handed to the script from now on. */
    void settings(Path file) {
        this.settings = file;
    }

    /**
     * Runs {@code thumbler-domain.sh command args…}.
     *
     * @return the script's output
     * @throws AssertionError when it exits non-zero or runs too long, with the output
     */
    String run(String command, String... args) throws IOException, InterruptedException {
        Result r = attempt(command, args);
        if (r.exitCode() != 0) {
            throw new AssertionError("thumbler-domain.sh " + command + " exited " + r.exitCode() + ":\n" + r.output());
        }
        return r.output();
    }

    /** Runs the script and returns its exit code and output, whatever they are. */
    Result attempt(String command, String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("bash", script.toString(), command));
        line.addAll(List.of(args));
        Path out = Files.createTempFile(log.getParent(), command, ".out");
        ProcessBuilder pb = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(out.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("THUMBLER_") || k.startsWith("AS_"));
        env.put("PAYARA_HOME", payaraHome.toString());
        env.put("AS_JAVA", System.getProperty("java.home"));
        env.put("THUMBLER_DOMAIN_DIR", domains.toString());
        env.put("THUMBLER_PORT_BASE", String.valueOf(portBase));
        env.put("THUMBLER_ADMIN_PASSWORD_FILE", passwordFile.toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        if (settings != null) {
            env.put("THUMBLER_SETTINGS", settings.toString());
        }
        Process p = pb.start();
        boolean done = p.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        Files.writeString(log, "$ thumbler-domain.sh " + String.join(" ", line.subList(2, line.size())) + "\n" + output,
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        return new Result(done ? p.exitValue() : -1, done ? output : output + "\n(killed after " + SCRIPT_TIMEOUT + ")");
    }

    record Result(int exitCode, String output) {
    }

    /** The domain's JVM, from the pid file Payara writes while it runs. */
    long pid() throws IOException {
        return Long.parseLong(Files.readString(dir().resolve("config/pid"), StandardCharsets.US_ASCII).trim());
    }

    /** The domain's JMX connector (system-jmx-connector), with the admin user's credentials. */
    JMXConnector jmx() throws IOException {
        String password = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("AS_ADMIN_PASSWORD=")).findFirst().orElseThrow()
                .substring("AS_ADMIN_PASSWORD=".length());
        return JMXConnectorFactory.connect(jmxUrl(), Map.of(JMXConnector.CREDENTIALS, new String[] {"admin", password}));
    }

    JMXServiceURL jmxUrl() throws IOException {
        return new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort() + "/jmxrmi");
    }

    /** The last {@code chars} characters of the server log, for failure messages. */
    String serverLogTail(int chars) {
        try {
            String text = Files.readString(serverLog(), StandardCharsets.UTF_8);
            return text.substring(Math.max(0, text.length() - chars));
        } catch (IOException e) {
            return "(no server log: " + e + ")";
        }
    }
}
