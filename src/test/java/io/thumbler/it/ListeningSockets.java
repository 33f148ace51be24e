package io.thumbler.it;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The TCP sockets a process listens on, read from Linux's {@code /proc}: the socket inodes among
 * the process's file descriptors, matched against {@code /proc/net/tcp} and {@code tcp6} rows in
 * state LISTEN. Needs the same user as the process (the tests start it themselves).
 */
final class ListeningSockets {

    /** One listening socket: the local address as the kernel prints it (hex) and its port. */
    record Listener(String hexAddress, int port) {

        /** 127.0.0.0/8, ::1 or an IPv4-mapped loopback address. */
        boolean loopback() {
            String a = hexAddress;
            if (a.length() == 8) {
                return a.endsWith("7F"); // little-endian 127.x.x.x
            }
            return a.equals("00000000000000000000000001000000") // ::1
                    || (a.startsWith("0000000000000000FFFF0000") && a.endsWith("7F")); // ::ffff:127.x.x.x
        }

        @Override
        public String toString() {
            return (loopback() ? "loopback" : "ADDRESS " + hexAddress) + ":" + port;
        }
    }

    private ListeningSockets() {
    }

    static List<Listener> of(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while listing
                }
            }
        }
        List<Listener> listeners = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> rows = Files.readAllLines(Path.of(table));
            for (String row : rows.subList(1, rows.size())) {
                String[] f = row.trim().split("\\s+");
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                if (f[3].equals("0A") && inodes.contains(f[9])) {
                    String[] local = f[1].split(":");
                    listeners.add(new Listener(local[0], Integer.parseInt(local[1], 16)));
                }
            }
        }
        return listeners;
    }
}
