package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.cli.registrar.Binding;
import dev.parley.cli.registrar.RegistrarNode;
import dev.parley.codecs.Wav;
import dev.parley.sip.transport.TransportKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIP over TLS from the command line (RFC 3261 §26) on 127.0.0.1: {@code parley registrar} with a
 * TLS listener, and {@code register}, {@code listen} and {@code call} with {@code --transport tls}
 * and the certificate files keytool made, as a user would type them.
 */
@Timeout(90)
class TlsCommandTest {

    @TempDir
    static Path dir;
    static TlsFixture tls;
    static RegistrarNode registrar;
    static Runnable stopRegistrar;
    static CompletableFuture<Run> registrarRun;
    static String at;

    private record Run(ExitCode code, String out, String err) {
    }

    @BeforeAll
    static void startRegistrarOverTls() throws Exception {
        tls = TlsFixture.create(dir);
        Path users = dir.resolve("users.txt");
        Files.writeString(users, "alice:a-secret\nbob:b-secret\n");
        CompletableFuture<RegistrarNode> listening = new CompletableFuture<>();
        Main main = new Main(List.of(new RegistrarCommand((node, stop) -> {
            stopRegistrar = stop;
            listening.complete(node);
        })));
        registrarRun = run(main, List.of("registrar", "--users", users.toString(), "--bind", "127.0.0.1:0", "--tls-port", "0",
                "--tls-keystore", tls.keystore().toString(), "--tls-password", tls.password(), "--tls-ca", tls.pem().toString(),
                "--duration", "300"));
        registrar = listening.get(30, TimeUnit.SECONDS);
        assertNotNull(registrar.tlsAddress(), "a TLS listener");
        at = "127.0.0.1:" + registrar.tlsAddress().getPort();
    }

    @AfterAll
    static void stopTheRegistrar() throws Exception {
        if (stopRegistrar != null) {
            stopRegistrar.run();
            Run r = registrarRun.get(20, TimeUnit.SECONDS);
            assertEquals(ExitCode.SUCCESS, r.code(), r.out() + r.err());
            assertTrue(r.out().contains("listening on udp+tcp 127.0.0.1:" + registrar.address().getPort() + " and tls " + at),
                    "the TLS port is printed like the others: " + r.out());
        }
    }

    private static CompletableFuture<Run> run(Main main, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        return CompletableFuture.supplyAsync(() -> {
            ExitCode code = main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        });
    }

    private static CompletableFuture<Run> parley(List<String> args, List<String> more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(more);
        return run(Main.standard(), all);
    }

    private static List<Binding> awaitBinding(String user) throws InterruptedException {
        for (int i = 0; i < 300 && registrar.bindings(user).isEmpty(); i++) { // at most 15 s
            Thread.sleep(50);
        }
        return registrar.bindings(user);
    }

    @Test
    void register_overTls_trustingTheRegistrarsPem_succeeds_andTheBindingIsThere() throws Exception {
        CompletableFuture<Run> alice = parley(List.of("register", "--user", "alice", "--password", "a-secret", "--registrar", at,
                "--duration", "3", "--transport", "tls", "--tls-ca", tls.pem().toString()), List.of());
        List<Binding> bound = awaitBinding("alice");
        assertEquals(1, bound.size(), "alice registered");
        assertEquals(TransportKind.TLS, bound.get(0).source().transport(), "the REGISTER came over TLS");
        assertTrue(bound.get(0).contact().toString().contains(";transport=tls"), bound.get(0).contact().toString());
        Run done = alice.get(60, TimeUnit.SECONDS);
        assertEquals(ExitCode.SUCCESS, done.code(), done.out() + done.err());
        assertTrue(done.out().contains("registered sip:alice@127.0.0.1 at " + at + " (200 OK"), done.out());
    }

    @Test
    void register_overTls_withoutTlsCa_failsWithACertificateError_andExitStatus3() throws Exception {
        long started = System.nanoTime();
        Run done = parley(List.of("register", "--user", "alice", "--password", "a-secret", "--registrar", at,
                "--transport", "tls"), List.of()).get(60, TimeUnit.SECONDS);
        assertEquals(ExitCode.REGISTRATION_FAILED, done.code(), done.out() + done.err());
        assertEquals(3, done.code().status());
        assertTrue(done.out().contains("registration of sip:alice@127.0.0.1 failed"), done.out());
        // The JDK's words (no trust anchor for the self-signed certificate) and the option that fixes it.
        assertTrue(done.out().contains("certification path"), done.out());
        assertTrue(done.out().contains("give it, or its CA, with --tls-ca FILE"), done.out());
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20),
                "the handshake failure is a transport error at once, not a 32 s timeout");
    }

    @Test
    void callBetweenTwoPhonesRegisteredOverTls_throughTheRegistrar_carriesTheTone() throws Exception {
        Path played = ToneWindows.writeTone(dir.resolve("tone.wav"), 1000);
        Path recorded = dir.resolve("heard-over-tls.wav");
        CompletableFuture<Run> bob = parley(List.of("listen", "--user", "bob", "--password", "b-secret", "--registrar", at,
                "--proxy", at, "--auto-answer", "--record", recorded.toString(), "--duration", "10"), tls.phoneOptions());
        List<Binding> bobBound = awaitBinding("bob");
        assertEquals(1, bobBound.size(), "bob registered");
        assertTrue(bobBound.get(0).contact().toString().contains(";transport=tls"), bobBound.get(0).contact().toString());

        Run alice = parley(List.of("call", "sip:bob@" + at, "--user", "alice", "--password", "a-secret", "--registrar", at,
                "--proxy", at, "--play", played.toString(), "--duration", "2", "--events", "json"), tls.phoneOptions())
                .get(60, TimeUnit.SECONDS);
        assertEquals(ExitCode.SUCCESS, alice.code(), alice.out() + alice.err());
        assertTrue(alice.out().contains("\"event\":\"answered\""), alice.out());
        assertTrue(alice.out().contains("\"cause\":\"local_hangup\""), "alice's BYE got through: " + alice.out());

        Run callee = bob.get(60, TimeUnit.SECONDS);
        assertEquals(ExitCode.SUCCESS, callee.code(), callee.out() + callee.err());
        assertTrue(callee.out().contains("incoming call 1 from <sip:alice@127.0.0.1>"), callee.out());
        // listen prints its TLS listener too: the port bob registered in his Contact.
        int bobsTlsPort = ((dev.parley.sip.message.SipUri) bobBound.get(0).contact().uri()).port();
        assertTrue(callee.out().matches("(?s)listening on UDP:127\\.0\\.0\\.1:\\d+ and TLS:127\\.0\\.0\\.1:" + bobsTlsPort
                + " as sip:bob@127\\.0\\.0\\.1\n.*"), callee.out());
        // About two seconds of alice's 1 kHz tone arrived at bob: loud samples, not silence.
        short[] heard = Wav.read(recorded, 8 << 20).samples();
        long loud = ToneWindows.loudSamples(heard);
        assertTrue(loud > 8000, "recorded " + heard.length + " samples, " + loud + " loud");
    }

    @Test
    void callFromATlsPhoneToAUdpPhone_isDoubleRecordRouted_andTheByeReachesTheUdpPhone() throws Exception {
        CompletableFuture<Run> carol = parley(List.of("listen", "--user", "bob", "--password", "b-secret", "--registrar",
                "127.0.0.1:" + registrar.address().getPort(), "--auto-answer", "--duration", "6", "--events", "json"), List.of());
        List<Binding> bound = awaitBinding("bob");
        assertEquals(TransportKind.UDP, bound.get(0).source().transport(), "bob registered over UDP");
        // alice needs no certificate of her own: everything the proxy sends her uses her connection or her BYE's.
        Run alice = parley(List.of("call", "sip:bob@" + at, "--user", "alice", "--password", "a-secret", "--proxy", at,
                "--duration", "1", "--events", "json", "--transport", "tls", "--tls-ca", tls.pem().toString()), List.of())
                .get(60, TimeUnit.SECONDS);
        assertEquals(ExitCode.SUCCESS, alice.code(), alice.out() + alice.err());
        assertTrue(alice.out().contains("\"cause\":\"local_hangup\""), alice.out());
        // RFC 5658: alice's BYE (over TLS, Route = both proxy URIs) was forwarded to bob over UDP.
        Run bob = carol.get(60, TimeUnit.SECONDS);
        assertEquals(ExitCode.SUCCESS, bob.code(), bob.out() + bob.err());
        assertTrue(bob.out().contains("\"cause\":\"remote_hangup\""), bob.out());
    }

    @Test
    void aCertificateThatDoesNotNameTheAddressDialled_failsRegistration_verificationStaysOn() throws Exception {
        TlsFixture elsewhere = TlsFixture.create(dir, "10.11.12.13");
        Path users = dir.resolve("users-elsewhere.txt");
        Files.writeString(users, "alice:a-secret\n");
        CompletableFuture<RegistrarNode> listening = new CompletableFuture<>();
        Runnable[] stop = new Runnable[1];
        Main main = new Main(List.of(new RegistrarCommand((node, s) -> {
            stop[0] = s;
            listening.complete(node);
        })));
        CompletableFuture<Run> other = run(main, List.of("registrar", "--users", users.toString(), "--bind", "127.0.0.1:0",
                "--tls-port", "0", "--tls-keystore", elsewhere.keystore().toString(), "--tls-password", elsewhere.password(),
                "--duration", "120"));
        RegistrarNode misnamed = listening.get(30, TimeUnit.SECONDS);
        try {
            String there = "127.0.0.1:" + misnamed.tlsAddress().getPort();
            // Trusted (its own PEM), but it names 10.11.12.13 and we dial 127.0.0.1.
            Run done = parley(List.of("register", "--user", "alice", "--password", "a-secret", "--registrar", there,
                    "--transport", "tls", "--tls-ca", elsewhere.pem().toString()), List.of()).get(60, TimeUnit.SECONDS);
            assertEquals(ExitCode.REGISTRATION_FAILED, done.code(), done.out() + done.err());
            assertTrue(done.out().contains("No subject alternative names matching IP address 127.0.0.1"), done.out());
            assertTrue(done.out().contains("it needs a SAN such as ip:127.0.0.1"), done.out());
            assertTrue(misnamed.bindings("alice").isEmpty());
        } finally {
            stop[0].run();
        }
        assertEquals(ExitCode.SUCCESS, other.get(20, TimeUnit.SECONDS).code());
    }
}
