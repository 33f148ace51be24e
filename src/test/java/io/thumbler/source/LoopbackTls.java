package io.thumbler.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made once per test run
 * with the JDK's keytool: the origin's key store and a trust store holding only its certificate.
 */
final class LoopbackTls {

    static final char[] PASSWORD = "changeit".toCharArray();
    private static LoopbackTls instance;

    final Path keyStore;
    final Path trustStore;

    private LoopbackTls(Path dir) throws IOException, InterruptedException {
        keyStore = dir.resolve("origin.p12");
        trustStore = dir.resolve("trust.p12");
        Path cert = dir.resolve("origin.cer");
        keytool("-genkeypair", "-alias", "origin", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-alias", "origin", "-keystore", keyStore.toString(), "-storepass", "changeit",
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "origin", "-file", cert.toString(), "-keystore",
                trustStore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
    }

    static synchronized LoopbackTls get() throws IOException, InterruptedException {
        if (instance == null) {
            Path dir = Files.createTempDirectory("thumbler-tls");
            dir.toFile().deleteOnExit();
            instance = new LoopbackTls(dir);
        }
        return instance;
    }

    /** The origin's side: presents the self-signed certificate. */
    SSLContext serverContext() throws Exception {
        KeyStore store = KeyStore.getInstance(keyStore.toFile(), PASSWORD);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** Thumbler's side, through the same code production uses for THUMBLER_HTTPS_TRUST_STORE. */
    SSLContext clientContext() {
        return TrustStores.fromFile(trustStore, PASSWORD);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + out);
        }
    }
}
