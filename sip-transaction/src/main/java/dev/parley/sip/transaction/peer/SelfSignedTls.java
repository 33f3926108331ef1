package dev.parley.sip.transaction.peer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS context for loopback peers and tests: one self-signed certificate (SAN ip:127.0.0.1) that
 * is also the context's only trust anchor, so both ends of a loopback TLS connection accept it.
 */
public final class SelfSignedTls {

    private static final char[] PASSWORD = "parley-test".toCharArray();
    /** How long keytool may take to make the key pair before we give up. */
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    private SelfSignedTls() {
    }

    /**
     * The context whose key store is the PKCS#12 file {@code store}; the JDK's keytool makes it
     * (an EC P-256 key valid 30 days) when the file does not exist yet.
     *
     * @throws IOException if keytool cannot run, fails, or takes more than a minute
     */
    public static synchronized SSLContext context(Path store) throws IOException, GeneralSecurityException {
        if (!Files.exists(store)) {
            generate(store);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    private static void generate(Path store) throws IOException {
        Path parent = store.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "parley", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "30", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        try {
            if (!p.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("keytool failed: " + new String(p.getInputStream().readAllBytes()));
        }
    }
}
