package dev.parley.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The files the TLS tests hand to {@code parley}: a PKCS#12 key store with a self-signed EC
 * certificate for 127.0.0.1 (SAN ip:127.0.0.1) and the same certificate as PEM, made with the
 * JDK's keytool exactly as the help text tells users to.
 *
 * @param keystore the PKCS#12 file
 * @param pem      its certificate, PEM
 * @param password the store's (and key's) password
 */
record TlsFixture(Path keystore, Path pem, String password) {

    static final String PASSWORD = "parley-tls-test";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    /** Makes {@code parley.p12} and {@code parley.pem} in {@code dir}, for 127.0.0.1. */
    static TlsFixture create(Path dir) throws IOException, InterruptedException {
        return create(dir, "127.0.0.1");
    }

    /** Makes {@code parley-IP.p12} and {@code parley-IP.pem} in {@code dir}: a certificate naming only {@code ip}. */
    static TlsFixture create(Path dir, String ip) throws IOException, InterruptedException {
        String name = ip.equals("127.0.0.1") ? "parley" : "parley-" + ip;
        Path keystore = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + ".pem");
        keytool("-genkeypair", "-alias", "parley", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + ip,
                "-ext", "SAN=ip:" + ip, "-validity", "30", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "parley", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", pem.toString());
        return new TlsFixture(keystore, pem, PASSWORD);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s");
        }
        String output = new String(p.getInputStream().readAllBytes());
        if (p.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output);
        }
    }

    /** The options that make a phone trust this certificate and present it. */
    List<String> phoneOptions() {
        return List.of("--transport", "tls", "--tls-ca", pem.toString(), "--tls-keystore", keystore.toString(),
                "--tls-password", password);
    }
}
