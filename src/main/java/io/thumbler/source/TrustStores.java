package io.thumbler.source;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS contexts for HTTPS origins: the JDK's trusted CAs, or those of a configured trust store. */
final class TrustStores {

    private TrustStores() {
    }

    static SSLContext jdkDefault() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's default TLS context is not available", e);
        }
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
