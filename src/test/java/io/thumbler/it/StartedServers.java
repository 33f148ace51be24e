package io.thumbler.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** For tests that start Payara Micro processes of their own (outside Arquillian's one boot). */
final class StartedServers {

    /** How long one boot may take: 15–30 s on a quiet 2-core machine, far more under load. */
    static final Duration BOOT = Duration.ofSeconds(300);

    private StartedServers() {
    }

    /** A loopback port free right now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Waits until {@code /health/ready} answers 200.
     *
     * @throws AssertionError with the tail of {@code log} when the server died or did not get ready in {@link #BOOT}
     */
    static void awaitReady(HttpClient http, Process server, int port, Path log) throws Exception {
        long until = System.nanoTime() + BOOT.toNanos();
        while (System.nanoTime() < until && server.isAlive()) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still booting
            }
            Thread.sleep(1000);
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        throw new AssertionError("the server on port " + port + " did not become ready within " + BOOT + "; log tail:\n"
                + text.substring(Math.max(0, text.length() - 4000)));
    }

    /** {@code hit}, {@code miss} or {@code coalesced} from the answer's {@code Server-Timing}. */
    static String cacheStatus(HttpResponse<?> r) {
        String timing = r.headers().firstValue("Server-Timing").orElse("");
        int at = timing.indexOf("cache;desc=");
        return at < 0 ? "(none: " + timing + ")" : timing.substring(at + "cache;desc=".length()).split("[,; ]")[0];
    }

    /**
     * The local addresses ({@code 127.0.0.1:6900}, {@code [::]:8080}, …) on which process {@code pid}
     * has TCP sockets listening, read from {@code /proc}: its socket inodes matched against
     * {@code /proc/net/tcp} and {@code tcp6}. A wildcard address ({@code 0.0.0.0}, {@code [::]})
     * means every interface.
     */
    static java.util.Set<String> listeningAddresses(long pid) throws IOException {
        java.util.Set<String> inodes = new java.util.HashSet<>();
        try (java.util.stream.Stream<Path> fds = java.nio.file.Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = java.nio.file.Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed meanwhile
                }
            });
        }
        java.util.Set<String> addresses = new java.util.TreeSet<>();
        for (String table : new String[] {"tcp", "tcp6"}) {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(Path.of("/proc/net", table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) {
                    String[] local = f[1].split(":");
                    addresses.add(address(local[0]) + ":" + Integer.parseInt(local[1], 16));
                }
            }
        }
        return addresses;
    }

    /** /proc/net's hex address (little-endian 32-bit words) as text; IPv4-mapped IPv6 as IPv4. */
    private static String address(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int word = 0; word < b.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                b[word * 4 + i] = (byte) Integer.parseInt(hex.substring(word * 8 + (3 - i) * 2, word * 8 + (3 - i) * 2 + 2), 16);
            }
        }
        try {
            java.net.InetAddress a = java.net.InetAddress.getByAddress(b);
            String text = a.getHostAddress();
            return a instanceof java.net.Inet6Address ? "[" + text + "]" : text;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
