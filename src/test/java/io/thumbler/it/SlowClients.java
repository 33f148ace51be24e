package io.thumbler.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Connections that begin a request and never finish its header, as a slowloris client holds a
 * server's connections: each sends its request line and one header line, then waits longer than the
 * server's idle timeout before its next line. Only the server can end them early.
 */
final class SlowClients implements AutoCloseable {

    private final Selector selector;
    private final Map<SocketChannel, Long> lastByteSentNanos = new HashMap<>();

    private SlowClients(Selector selector) {
        this.selector = selector;
    }

    /** Opens {@code count} connections to {@code base}'s host and port, each with an unfinished header. */
    static SlowClients open(URI base, int count) throws IOException {
        SlowClients clients = new SlowClients(Selector.open());
        byte[] start = ("GET /health/live HTTP/1.1\r\nHost: " + base.getHost() + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
            for (int i = 0; i < count; i++) {
                SocketChannel channel = SocketChannel.open(new InetSocketAddress(base.getHost(), base.getPort()));
                clients.lastByteSentNanos.put(channel, null);
                channel.write(ByteBuffer.wrap(start));
                clients.lastByteSentNanos.put(channel, System.nanoTime());
                channel.configureBlocking(false);
                channel.register(clients.selector, SelectionKey.OP_READ);
            }
        } catch (IOException | RuntimeException e) {
            clients.close();
            throw e;
        }
        return clients;
    }

    /**
     * Waits until the server has closed every connection, at most {@code limit} after the last byte
     * a connection sent.
     *
     * @return for each connection the server closed, the time from its last byte to the close; the
     *     list is shorter than the number opened when some were still open at the limit
     */
    List<Duration> awaitClosedByServer(Duration limit) throws IOException {
        List<Duration> closed = new ArrayList<>();
        long newest = lastByteSentNanos.values().stream().mapToLong(Long::longValue).max().orElse(System.nanoTime());
        long until = newest + limit.toNanos();
        ByteBuffer sink = ByteBuffer.allocate(4096);
        while (!lastByteSentNanos.isEmpty() && System.nanoTime() < until) {
            selector.select(Math.max(1, Duration.ofNanos(until - System.nanoTime()).toMillis()));
            long now = System.nanoTime();
            for (SelectionKey key : selector.selectedKeys()) {
                SocketChannel channel = (SocketChannel) key.channel();
                if (endOfStream(channel, sink)) {
                    closed.add(Duration.ofNanos(now - lastByteSentNanos.remove(channel)));
                    key.cancel();
                    channel.close();
                }
            }
            selector.selectedKeys().clear();
        }
        return closed;
    }

    /** Reads what the server sent (an error answer, if any); true when it closed the connection. */
    private static boolean endOfStream(SocketChannel channel, ByteBuffer sink) {
        try {
            sink.clear();
            return channel.read(sink) < 0;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel channel : lastByteSentNanos.keySet()) {
            channel.close();
        }
        lastByteSentNanos.clear();
        selector.close();
    }
}
