package dev.parley.cli;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The TLS options of the phone commands and of {@code parley registrar} (RFC 3261 §26.2), and the
 * {@link SSLContext} they make. Host name and address verification stays on: a peer's certificate
 * must name the address dialled (a SAN such as {@code ip:127.0.0.1}).
 *
 * <p>The key store password: {@code --tls-password} wins over the environment variable
 * {@code PARLEY_TLS_PASSWORD} (a command line is explicit; the environment is the fallback that
 * keeps the secret out of the process list).
 */
final class TlsOptions {

    /** The environment variable read when {@code --tls-password} is not given. */
    static final String PASSWORD_VARIABLE = "PARLEY_TLS_PASSWORD";

    static final OptionSpec CA = OptionSpec.value("tls-ca", "FILE",
            "PEM file of the CA or peer certificates to trust over TLS (default: the JDK's trust store)");
    static final OptionSpec KEYSTORE = OptionSpec.value("tls-keystore", "FILE",
            "PKCS#12 file with our own TLS certificate and key (for peers that connect to us)");
    static final OptionSpec PASSWORD = OptionSpec.value("tls-password", "SECRET",
            "password of --tls-keystore (default: the " + PASSWORD_VARIABLE + " environment variable)");

    private TlsOptions() {
    }

    /** Whether any TLS option was given. */
    static boolean given(ParsedArgs args) {
        return args.value(CA.name()).isPresent() || args.value(KEYSTORE.name()).isPresent()
                || args.value(PASSWORD.name()).isPresent();
    }

    /**
     * The context the options describe, or empty when none was given. Without {@code --tls-ca} the
     * JDK's default trust store decides; without {@code --tls-keystore} we have no certificate.
     *
     * @param env the environment ({@code System::getenv}), for {@link #PASSWORD_VARIABLE}
     */
    static Optional<SSLContext> context(ParsedArgs args, Function<String, String> env) throws UsageException {
        if (!given(args)) {
            return Optional.empty();
        }
        TrustManager[] trust = null; // null: SSLContext.init uses the default trust managers
        if (args.value(CA.name()).isPresent()) {
            trust = TlsFiles.trusting(CA.name(), Path.of(args.value(CA.name()).get()));
        }
        KeyManager[] keys = null;
        if (args.value(KEYSTORE.name()).isPresent()) {
            keys = TlsFiles.keysOf(KEYSTORE.name(), Path.of(args.value(KEYSTORE.name()).get()), password(args, env));
        } else if (args.value(PASSWORD.name()).isPresent()) {
            throw new UsageException("--" + PASSWORD.name() + " is the password of --" + KEYSTORE.name() + "; give that file too");
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return Optional.of(context);
        } catch (GeneralSecurityException e) {
            throw new UsageException("this Java runtime cannot make a TLS context: " + e.getMessage());
        }
    }

    /** A hint that follows a TLS failure the JDK described, telling which option fixes it; empty if none applies. */
    static String hint(String failure) {
        if (failure.contains("certification path") || failure.contains("PKIX")) {
            return " (the peer's certificate is not trusted: give it, or its CA, with --tls-ca FILE)";
        }
        if (failure.contains("subject alternative names") || failure.contains("No name matching")) {
            return " (the peer's certificate does not name the address dialled: it needs a SAN such as ip:127.0.0.1)";
        }
        return "";
    }

    /** The key store password: {@code --tls-password}, else {@link #PASSWORD_VARIABLE}; one of them is required. */
    static char[] password(ParsedArgs args, Function<String, String> env) throws UsageException {
        Optional<String> given = args.value(PASSWORD.name());
        if (given.isPresent()) {
            return given.get().toCharArray();
        }
        String fromEnv = env.apply(PASSWORD_VARIABLE);
        if (fromEnv != null) {
            return fromEnv.toCharArray();
        }
        throw new UsageException("--" + KEYSTORE.name() + " needs its password: give --" + PASSWORD.name()
                + " SECRET or set " + PASSWORD_VARIABLE);
    }
}
