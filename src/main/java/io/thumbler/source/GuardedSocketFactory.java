package io.thumbler.source;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLSocketFactory;

/**
 * TLS sockets that check the address they are about to connect to, at connect time.
 *
 * <p>{@code HttpsURLConnection} asks its factory for an unconnected socket, connects it to the
 * address it resolved, and then asks the factory to layer TLS over it with the URL's host name
 * (SNI and certificate check stay on the name). Handing it a {@link Socket} whose
 * {@code connect} consults the {@link AddressPolicy} puts the check on the very address the
 * connection uses: there is no second lookup that DNS rebinding could answer differently (the
 * Java counterpart of imgproxy's dialer {@code Control} hook). Every redirect hop and every new
 * connection goes through it.
 *
 * <p>One factory per fetch: it knows the fetch's deadline and can close the fetch's sockets.
 */
final class GuardedSocketFactory extends SSLSocketFactory {

    private final SSLSocketFactory tls;
    private final AddressPolicy policy;
    private final Deadline deadline;
    private final List<Socket> opened = new CopyOnWriteArrayList<>();

    /**
     * @param deadline connections are refused once it has passed: {@code HttpURLConnection}
     *                 silently retries a GET on a fresh connection after a failed read, and that
     *                 retry must not start a second wait
     */
    GuardedSocketFactory(SSLSocketFactory tls, AddressPolicy policy, Deadline deadline) {
        this.tls = tls;
        this.policy = policy;
        this.deadline = deadline;
    }

    @Override
    public Socket createSocket() {
        GuardedSocket socket = new GuardedSocket(policy, deadline);
        opened.add(socket);
        return socket;
    }

    /**
     * Closes every socket this factory made. Closing the socket, not the connection: a blocked
     * read fails at once, while {@code HttpURLConnection.disconnect()} would first wait for the
     * stream lock the blocked reader holds.
     */
    void closeAll() {
        for (Socket socket : opened) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all that was wanted
            }
        }
    }

    @Override
    public Socket createSocket(Socket connected, String host, int port, boolean autoClose) throws IOException {
        return tls.createSocket(connected, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket raw = createSocket();
        raw.connect(new InetSocketAddress(host, port));
        return tls.createSocket(raw, host, port, true);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket raw = createSocket();
        raw.connect(new InetSocketAddress(host, port));
        return tls.createSocket(raw, host.getHostAddress(), port, true);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return createSocket(address, port);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return tls.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return tls.getSupportedCipherSuites();
    }

    /** A plain socket that refuses to connect to an address the policy refuses. */
    static final class GuardedSocket extends Socket {

        private final AddressPolicy policy;
        private final Deadline deadline;

        GuardedSocket(AddressPolicy policy, Deadline deadline) {
            this.policy = policy;
            this.deadline = deadline;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress target) || target.isUnresolved()) {
                throw new UnknownHostException("unresolved address " + endpoint);
            }
            Optional<String> refusal = policy.refusal(target.getAddress());
            if (refusal.isPresent()) {
                throw new RefusedAddressException(AddressPolicy.shown(target.getAddress()) + " is " + refusal.get());
            }
            if (deadline.expired()) {
                throw new SocketTimeoutException("the download deadline passed before connecting to " + endpoint);
            }
            int bounded = timeout == 0 ? deadline.remainingMillisForSocket() : Math.min(timeout, deadline.remainingMillisForSocket());
            super.connect(endpoint, bounded);
            setSoTimeout(deadline.remainingMillisForSocket());
        }
    }
}
