package io.thumbler.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, {@code bin/thumbler-dev}, exactly as a new user runs it: it must start
 * the service, print signed example URLs, and the first of them must answer with a thumbnail; the
 * process must listen on nothing but its HTTP port; and from the moment it starts until it serves, an
 * image URL never gets an answer a CDN could cache (Payara's own 404/500 pages while the WAR deploys).
 */
class QuickStartIT {

    private static final Pattern EXAMPLE = Pattern.compile("(http://localhost:\\d+/\\S+)");

    @TempDir
    Path work;

    @Test
    void theQuickStartServesItsOwnExampleUrls() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = work.resolve("quickstart.log");
        ProcessBuilder pb = new ProcessBuilder(List.of("bin/thumbler-dev"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("THUMBLER_"));
        env.put("PORT", String.valueOf(port));
        env.put("THUMBLER_TEMP_DIR", work.resolve("tmp").toString());
        env.put("THUMBLER_CACHE_DIR", work.resolve("cache").toString());
        env.put("JAVA_OPTS", "-Xmx512m");
        Process server = pb.start();
        try {
            List<String> whileStarting = answersUntilServed(port, server);
            assertThat(whileStarting).as("answers to an image URL before the first 200")
                    .allMatch(a -> a.equals("refused") || a.startsWith("503 no-store"));
            String url = awaitExampleUrl(log, server).replace("localhost", "127.0.0.1");
            awaitReady(port);
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(Images.decode(r.body()).getWidth()).isEqualTo(300);
            // bin/thumbler-dev execs java, so this is the JVM: with clustering off it must open
            // nothing but the HTTP listener (no Data Grid port, no multicast socket).
            assertThat(listening(server.pid(), "tcp", "tcp6")).as("TCP ports listening").containsExactly(port);
            assertThat(listening(server.pid(), "udp", "udp6")).as("UDP ports bound").isEmpty();
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /**
     * The local ports of the sockets of process {@code pid} that listen (TCP) or are bound (UDP), read
     * from {@code /proc}: the inodes of its socket descriptors matched against {@code /proc/net/*}.
     */
    private static java.util.Set<Integer> listening(long pid, String... tables) throws IOException {
        java.util.Set<String> inodes = new java.util.HashSet<>();
        try (java.util.stream.Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed meanwhile
                }
            });
        }
        java.util.Set<Integer> ports = new java.util.TreeSet<>();
        for (String table : tables) {
            List<String> lines = Files.readAllLines(Path.of("/proc/net", table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                boolean tcpListen = table.startsWith("tcp") && f[3].equals("0A");
                if ((tcpListen || table.startsWith("udp")) && inodes.contains(f[9])) {
                    ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    /**
     * Asks for a signed image URL every 20 ms from the moment the process starts until it answers 200,
     * and returns every other answer: "refused" for a refused connection, else the status, the
     * Cache-Control and the first bytes of the body.
     */
    private static List<String> answersUntilServed(int port, Process server) throws InterruptedException {
        String path = "/rs:fit:64:64/plain/local:%2F%2F%2FLadyBird.jpg@png";
        String signed = new io.thumbler.security.UrlSigner(List.of(DEV_KEY), 32).sign(path);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + signed + path))
                .timeout(Duration.ofSeconds(30)).build();
        List<String> answers = new java.util.ArrayList<>();
        long until = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < until && server.isAlive()) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
                if (r.statusCode() == 200) {
                    return answers;
                }
                String body = r.body();
                answers.add(r.statusCode() + " " + r.headers().firstValue("Cache-Control").orElse("(no Cache-Control)")
                        + " " + body.substring(0, Math.min(80, body.length())));
            } catch (java.net.ConnectException notListening) {
                if (answers.isEmpty() || !answers.get(answers.size() - 1).equals("refused")) {
                    answers.add("refused");
                }
            } catch (IOException other) {
                answers.add("failed: " + other);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the quick start never served an image; answers meanwhile: " + answers);
    }

    /** bin/thumbler-dev's development key and salt. */
    private static final io.thumbler.security.SigningKey DEV_KEY = io.thumbler.security.SigningKey.fromHex(
            "7468756d626c65722d6465762d6b6579", "7468756d626c65722d6465762d73616c74");

    /** The banner is printed while the application is still deploying; a person clicks a moment later. */
    private static void awaitReady(int port) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < until) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the quick start never became ready");
    }

    private static String awaitExampleUrl(Path log, Process server) throws IOException, InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < until) {
            String out = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            Matcher m = EXAMPLE.matcher(out);
            if (out.contains("Try these signed URLs") && m.find()) {
                return m.group(1);
            }
            if (!server.isAlive()) {
                throw new AssertionError("bin/thumbler-dev exited with " + server.exitValue() + ":\n" + out);
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no example URLs within 300 s:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }
}
