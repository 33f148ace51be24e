package io.thumbler.source;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS contexts for HTTPS origins: the JDK's trusted CAs, or those of a configured trust store. */
final class TrustStores {

    /** The password every JDK ships its CA store with; it guards the file's integrity, not a secret. */
    private static final char[] JDK_STORE_PASSWORD = "changeit".toCharArray();

    private TrustStores() {
    }

    /**
     * The CAs of the JDK that runs Thumbler ({@code $JAVA_HOME/lib/security/cacerts}, which OS
     * packages such as Debian's ca-certificates-java keep current), read from that file rather than
     * through {@code SSLContext.getDefault()}: inside Payara the default context trusts Payara's own
     * bundled {@code cacerts.p12} (Payara points {@code javax.net.ssl.trustStore} at it), a snapshot
     * taken when that Payara was released, with CAs that have expired since.
     */
    static SSLContext jdkDefault() {
        return fromFile(jdkStore(), JDK_STORE_PASSWORD);
    }

    static Path jdkStore() {
        return Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
    }

    /**
     * Trusts exactly the certificates in a PKCS12 or JKS file (an internal CA, or a test origin's
     * self-signed certificate).
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    static SSLContext fromFile(Path file, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance(file.toFile(), password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("trust store '" + file + "' cannot be read: " + e.getMessage(), e);
        }
    }
}
