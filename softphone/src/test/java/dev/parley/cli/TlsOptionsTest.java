package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS options: which password wins, and the usage error each bad file gives (path and reason, no stack trace). */
class TlsOptionsTest {

    @TempDir
    static Path dir;
    static TlsFixture tls;

    @BeforeAll
    static void makeCertificate() throws Exception {
        tls = TlsFixture.create(dir);
    }

    private static ParsedArgs args(Map<String, String> values) {
        return new ParsedArgs(values, Set.of(), List.of());
    }

    @Test
    void password_optionWinsOverTheEnvironment_whichIsTheFallback() throws UsageException {
        Map<String, String> env = Map.of(TlsOptions.PASSWORD_VARIABLE, "from-env");
        assertArrayEquals("given".toCharArray(), TlsOptions.password(args(Map.of("tls-password", "given")), env::get));
        assertArrayEquals("from-env".toCharArray(), TlsOptions.password(args(Map.of()), env::get));
        UsageException none = assertThrows(UsageException.class, () -> TlsOptions.password(args(Map.of()), name -> null));
        assertTrue(none.getMessage().contains("--tls-password SECRET or set PARLEY_TLS_PASSWORD"), none.getMessage());
    }

    @Test
    void theKeystore_opensWithThePasswordFromTheEnvironment() throws UsageException {
        Map<String, String> env = Map.of(TlsOptions.PASSWORD_VARIABLE, tls.password());
        assertTrue(TlsOptions.context(args(Map.of("tls-keystore", tls.keystore().toString(), "tls-ca", tls.pem().toString())),
                env::get).isPresent());
    }

    private static String usageError(Map<String, String> values) {
        return assertThrows(UsageException.class, () -> TlsOptions.context(args(values), name -> null)).getMessage();
    }

    @Test
    void badFiles_areUsageErrorsNamingThePathAndTheReason() throws Exception {
        Path missing = dir.resolve("missing.pem");
        assertEquals("--tls-ca " + missing + " does not exist", usageError(Map.of("tls-ca", missing.toString())));
        Path garbage = dir.resolve("garbage.pem");
        Files.writeString(garbage, "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        String e = usageError(Map.of("tls-ca", garbage.toString()));
        assertTrue(e.startsWith("--tls-ca " + garbage + " is not a PEM file of X.509 certificates"), e);
        Path empty = dir.resolve("empty.pem");
        Files.writeString(empty, "");
        e = usageError(Map.of("tls-ca", empty.toString()));
        assertTrue(e.startsWith("--tls-ca " + empty + " "), e);
        e = usageError(Map.of("tls-ca", dir.toString()));
        assertEquals("--tls-ca " + dir + " is a directory, not a file", e);

        e = usageError(Map.of("tls-keystore", tls.keystore().toString(), "tls-password", "wrong-password"));
        assertTrue(e.startsWith("--tls-keystore " + tls.keystore() + " cannot be opened: wrong password"), e);
        e = usageError(Map.of("tls-keystore", tls.pem().toString(), "tls-password", tls.password()));
        assertTrue(e.startsWith("--tls-keystore " + tls.pem() + " is not a PKCS#12 key store"), e);
        e = usageError(Map.of("tls-keystore", tls.keystore().toString()));
        assertTrue(e.contains("needs its password"), e);
        e = usageError(Map.of("tls-password", "x"));
        assertTrue(e.contains("give that file too"), e);
    }

    @Test
    void onTheCommandLine_aBadFileIsExitStatus2_withTheMessageAndNoStackTrace() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path missing = dir.resolve("nope.pem");
        ExitCode code = Main.standard().run(List.of("register", "--user", "a", "--registrar", "127.0.0.1:5061", "--transport",
                "tls", "--tls-ca", missing.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(ExitCode.USAGE, code);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertEquals("--tls-ca " + missing + " does not exist\n", errors);

        err.reset();
        code = Main.standard().run(List.of("call", "sip:b@127.0.0.1", "--user", "a", "--tls-ca", tls.pem().toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(ExitCode.USAGE, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("are for --transport tls"), err.toString(StandardCharsets.UTF_8));

        err.reset();
        code = Main.standard().run(List.of("registrar", "--users", tls.pem().toString(), "--tls-port", "0"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(ExitCode.USAGE, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("need --tls-keystore FILE"), err.toString(StandardCharsets.UTF_8));
    }
}
