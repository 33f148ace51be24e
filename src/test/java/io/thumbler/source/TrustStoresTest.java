package io.thumbler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.security.KeyStore;
import java.util.concurrent.CompletableFuture;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;

class TrustStoresTest {

    @Test
    void theJdkStoreIsTheRunningJdksOwnCaFileWithItsCas() throws Exception {
        assertThat(TrustStores.jdkStore()).isEqualTo(
                java.nio.file.Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"));
        KeyStore store = KeyStore.getInstance(TrustStores.jdkStore().toFile(), "changeit".toCharArray());
        assertThat(store.size()).as("CAs in the JDK's store").isGreaterThan(50);
    }

    @Test
    void theJdkContextDoesNotFollowTheTrustStoreThatPayaraSetsForTheWholeJvm() throws Exception {
        LoopbackTls tls = LoopbackTls.get();
        String before = System.getProperty("javax.net.ssl.trustStore");
        // Payara points this property at its own bundled store; here it names a store that trusts
        // the loopback origin, so following it would let the handshake through.
        System.setProperty("javax.net.ssl.trustStore", tls.trustStore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
        try {
            SSLContext jdk = TrustStores.jdkDefault();
            assertThatThrownBy(() -> handshake(tls, jdk)).isInstanceOf(SSLHandshakeException.class);
            handshake(tls, tls.clientContext()); // the same origin with its own trust store: fine
        } finally {
            if (before == null) {
                System.clearProperty("javax.net.ssl.trustStore");
            } else {
                System.setProperty("javax.net.ssl.trustStore", before);
            }
            System.clearProperty("javax.net.ssl.trustStorePassword");
        }
    }

    private static void handshake(LoopbackTls tls, SSLContext client) throws Exception {
        try (SSLServerSocket server = (SSLServerSocket) tls.serverContext().getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.setSoTimeout(5000);
                    s.startHandshake();
                } catch (java.io.IOException expectedWhenRefused) {
                    // the client gave up on the certificate
                }
            });
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                socket.setSoTimeout(5000);
                socket.startHandshake();
            } finally {
                accepted.get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }
}
