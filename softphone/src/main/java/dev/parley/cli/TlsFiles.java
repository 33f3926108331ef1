package dev.parley.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Reads the files of the TLS options, with the JDK only: a PEM file of certificates to trust
 * ({@link CertificateFactory}, X.509) and a PKCS#12 key store holding our own certificate and key.
 * Every problem becomes a {@link UsageException} that names the option, the path and the reason.
 */
final class TlsFiles {

    /** A certificate file or key store larger than this is refused (it is read whole). */
    static final long MAX_FILE_BYTES = 1 << 20;
    /** Certificates trusted from one PEM file at most. */
    static final int MAX_CERTIFICATES = 256;

    private TlsFiles() {
    }

    /** Trust managers that accept exactly the certificates of {@code pem} (and chains ending in them). */
    static TrustManager[] trusting(String option, Path pem) throws UsageException {
        byte[] bytes = read(option, pem);
        Collection<? extends Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
        } catch (CertificateException e) {
            throw bad(option, pem, "is not a PEM file of X.509 certificates (" + e.getMessage() + ")");
        }
        if (certificates.isEmpty()) {
            throw bad(option, pem, "holds no certificate; expected -----BEGIN CERTIFICATE----- blocks");
        }
        if (certificates.size() > MAX_CERTIFICATES) {
            throw bad(option, pem, "holds more than " + MAX_CERTIFICATES + " certificates");
        }
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Certificate c : certificates) {
                trusted.setCertificateEntry("trusted-" + n++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            return tmf.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw bad(option, pem, "cannot be used as a trust store (" + e.getMessage() + ")");
        }
    }

    /**
     * Key managers presenting the private key entry of the PKCS#12 file {@code store}; the key's
     * password must be the store's (as keytool makes it).
     */
    static KeyManager[] keysOf(String option, Path store, char[] password) throws UsageException {
        byte[] bytes = read(option, store);
        KeyStore ks;
        try {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(bytes), password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw bad(option, store, "cannot be opened: wrong password (see --tls-password / PARLEY_TLS_PASSWORD)");
            }
            throw bad(option, store, "is not a PKCS#12 key store (" + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            throw bad(option, store, "is not a usable PKCS#12 key store (" + e.getMessage() + ")");
        }
        try {
            List<String> keys = new ArrayList<>();
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    keys.add(alias);
                }
            }
            if (keys.isEmpty()) {
                throw bad(option, store, "holds no private key; make one with keytool -genkeypair (see --help)");
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            return kmf.getKeyManagers();
        } catch (UnrecoverableKeyException e) {
            throw bad(option, store, "has a key whose password differs from the store's (" + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            throw bad(option, store, "cannot be used as a key store (" + e.getMessage() + ")");
        }
    }

    private static byte[] read(String option, Path path) throws UsageException {
        try {
            if (Files.isDirectory(path)) {
                throw bad(option, path, "is a directory, not a file");
            }
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw bad(option, path, "is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw bad(option, path, "does not exist");
        } catch (AccessDeniedException e) {
            throw bad(option, path, "cannot be read: permission denied");
        } catch (IOException e) {
            throw bad(option, path, "cannot be read: " + e.getMessage());
        }
    }

    private static UsageException bad(String option, Path path, String reason) {
        return new UsageException("--" + option + " " + path + " " + reason);
    }
}
