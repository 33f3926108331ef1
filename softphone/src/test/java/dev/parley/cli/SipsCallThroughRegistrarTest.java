package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.cli.registrar.Binding;
import dev.parley.cli.registrar.RegistrarConfig;
import dev.parley.cli.registrar.RegistrarListener;
import dev.parley.cli.registrar.RegistrarNode;
import dev.parley.cli.registrar.UsersFile;
import dev.parley.codecs.Wav;
import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.message.Via;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call to a {@code sips:} URI through the registrar and proxy of {@code parley registrar} over TLS
 * (RFC 3261 §26.2.2: TLS on every hop), as users type it: both phones register a {@code sips:}
 * address of record with a {@code sips:} Contact ({@code --sips}), alice calls
 * {@code sips:bob@registrar}, the proxy finds bob's binding and forwards over TLS, record-routing
 * itself with a {@code sips:} URI so that the ACK and the BYE come back through it over TLS too.
 * What the proxy forwarded, and over which transport, is seen by a {@link RegistrarListener}.
 */
@Timeout(120)
class SipsCallThroughRegistrarTest {

    @TempDir
    Path dir;

    private record Run(ExitCode code, String out, String err) {
    }

    private record Forwarded(SipRequest request, Endpoint nextHop) {
    }

    /** What the proxy did; appended on its event loop, read by the test. */
    private static final class Seen implements RegistrarListener {
        final List<SipRequest> registers = new CopyOnWriteArrayList<>();
        final List<Forwarded> forwarded = new CopyOnWriteArrayList<>();

        @Override
        public void onRegister(SipRequest request, SipResponse response) {
            if (response.isSuccess()) {
                registers.add(request);
            }
        }

        @Override
        public void onForward(SipRequest request, Endpoint nextHop) {
            forwarded.add(new Forwarded(request, nextHop));
        }

        Forwarded first(String method) {
            return forwarded.stream().filter(f -> f.request().isMethod(method)).findFirst()
                    .orElseThrow(() -> new AssertionError("the proxy forwarded no " + method + ": " + forwarded));
        }
    }

    private static CompletableFuture<Run> parley(List<String> args, List<String> more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(more);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        return CompletableFuture.supplyAsync(() -> {
            ExitCode code = Main.standard().run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        });
    }

    /** The registrar's TLS context, as {@code parley registrar --tls-keystore --tls-ca} builds it. */
    private static SSLContext registrarTls(TlsFixture tls) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(TlsFiles.keysOf("--tls-keystore", tls.keystore(), tls.password().toCharArray()),
                TlsFiles.trusting("--tls-ca", tls.pem()), null);
        return ctx;
    }

    private static List<Binding> awaitBinding(RegistrarNode registrar, String user) throws InterruptedException {
        for (int i = 0; i < 300 && registrar.bindings(user).isEmpty(); i++) { // at most 15 s
            Thread.sleep(50);
        }
        return registrar.bindings(user);
    }

    private static void assertAllViasTls(SipRequest request) {
        List<Via> vias = request.vias();
        assertEquals(2, vias.size(), "the proxy's Via on top of the phone's: " + request);
        for (Via v : vias) {
            assertEquals("TLS", v.transport(), "every hop of " + request.method() + " was TLS: " + vias);
        }
    }

    private static SipUri sipUri(NameAddr a) {
        return (SipUri) a.uri();
    }

    @Test
    void sipsCall_registersSipsContacts_routesInviteAckAndByeOverTls_andCarriesTheTone() throws Exception {
        TlsFixture tls = TlsFixture.create(dir);
        Seen seen = new Seen();
        try (RegistrarNode registrar = RegistrarNode.start(new InetSocketAddress("127.0.0.1", 0), registrarTls(tls), 0,
                RegistrarConfig.DEFAULT, UsersFile.of(Map.of("alice", "a-secret", "bob", "b-secret")), seen)) {
            int proxyTls = registrar.tlsAddress().getPort();
            String at = "127.0.0.1:" + proxyTls;
            Path played = ToneWindows.writeTone(dir.resolve("tone.wav"), 1000);
            Path recorded = dir.resolve("bob-heard.wav");

            CompletableFuture<Run> bob = parley(List.of("listen", "--user", "bob", "--password", "b-secret", "--registrar", at,
                    "--proxy", at, "--sips", "--auto-answer", "--record", recorded.toString(), "--duration", "12"),
                    tls.phoneOptions());
            List<Binding> bobBound = awaitBinding(registrar, "bob");
            assertEquals(1, bobBound.size(), "bob registered");
            SipUri bobContact = sipUri(bobBound.get(0).contact());
            // RFC 3261 §26.2.2 / §19.1: a sips: Contact, at bob's TLS listener, and no transport parameter.
            assertTrue(bobContact.secure(), "bob's Contact is a sips: URI: " + bobContact);
            assertTrue(bobContact.transport().isEmpty(), bobContact.toString());
            assertEquals(TransportKind.TLS, bobBound.get(0).source().transport(), "bob's REGISTER came over TLS");
            SipRequest bobsRegister = seen.registers.get(0);
            assertEquals("sips:bob@127.0.0.1", bobsRegister.to().uri().toString(), "a sips: address of record");
            assertEquals("sips:127.0.0.1", bobsRegister.requestUriText(), "REGISTER sips:domain (RFC 3261 §10.2)");

            Run alice = parley(List.of("call", "sips:bob@" + at, "--user", "alice", "--password", "a-secret", "--registrar", at,
                    "--proxy", at, "--sips", "--play", played.toString(), "--duration", "2", "--events", "json"),
                    tls.phoneOptions()).get(60, TimeUnit.SECONDS);
            assertEquals(ExitCode.SUCCESS, alice.code(), alice.out() + alice.err());
            assertTrue(alice.out().contains("\"event\":\"answered\""), alice.out());
            assertTrue(alice.out().contains("\"cause\":\"local_hangup\""), "alice's BYE got through: " + alice.out());

            // The INVITE: retargeted to bob's sips: Contact (RFC 3261 §16.5), sent to his TLS listener,
            // every Via TLS, alice's Contact sips: (§8.1.1.8), record-routed with a sips: URI (§16.6 step 4).
            Forwarded invite = seen.first("INVITE");
            assertEquals(bobContact, invite.request().requestUri(), "the INVITE went to bob's registered Contact");
            assertEquals(new Endpoint(TransportKind.TLS, new InetSocketAddress("127.0.0.1", bobContact.port())), invite.nextHop());
            assertAllViasTls(invite.request());
            assertTrue(sipUri(invite.request().contacts().get(0).address()).secure(),
                    "alice's Contact is sips: " + invite.request());
            List<NameAddr> recordRoutes = invite.request().recordRoutes();
            assertEquals(1, recordRoutes.size(), "TLS in and out: one Record-Route (RFC 5658 needs two only across transports)");
            assertEquals("sips:127.0.0.1:" + proxyTls + ";lr", recordRoutes.get(0).uri().toString());

            // The ACK and the BYE followed the route set back through the proxy, and on to bob over TLS.
            for (String method : List.of("ACK", "BYE")) {
                Forwarded f = seen.first(method);
                assertEquals(TransportKind.TLS, f.nextHop().transport(), method + " forwarded over TLS");
                assertEquals(bobContact.port(), f.nextHop().address().getPort(), method + " went to bob's TLS listener");
                assertTrue(((SipUri) f.request().requestUri()).secure(),
                        method + " is for bob's sips: Contact from his 200 (RFC 3261 §12.1.1): " + f.request().requestUri());
                assertAllViasTls(f.request());
            }

            Run callee = bob.get(60, TimeUnit.SECONDS);
            assertEquals(ExitCode.SUCCESS, callee.code(), callee.out() + callee.err());
            assertTrue(callee.out().contains("incoming call 1 from <sips:alice@127.0.0.1>"), callee.out());
            // About two seconds of alice's 1 kHz tone arrived at bob: loud samples, not silence.
            short[] heard = Wav.read(recorded, 8 << 20).samples();
            long loud = ToneWindows.loudSamples(heard);
            assertTrue(loud > 8000, "recorded " + heard.length + " samples, " + loud + " loud");
        }
    }

    @Test
    void sipsCall_toAUserRegisteredOnlyOverUdp_is480_andNothingIsForwardedInTheClear() throws Exception {
        TlsFixture tls = TlsFixture.create(dir);
        Seen seen = new Seen();
        try (RegistrarNode registrar = RegistrarNode.start(new InetSocketAddress("127.0.0.1", 0), registrarTls(tls), 0,
                RegistrarConfig.DEFAULT, UsersFile.of(Map.of("alice", "a-secret", "bob", "b-secret")), seen)) {
            String at = "127.0.0.1:" + registrar.tlsAddress().getPort();
            CompletableFuture<Run> bob = parley(List.of("listen", "--user", "bob", "--password", "b-secret", "--registrar",
                    "127.0.0.1:" + registrar.address().getPort(), "--auto-answer", "--duration", "4"), List.of());
            assertEquals(TransportKind.UDP, awaitBinding(registrar, "bob").get(0).source().transport());

            Run alice = parley(List.of("call", "sips:bob@" + at, "--user", "alice", "--password", "a-secret", "--proxy", at,
                    "--sips", "--duration", "1", "--events", "json"), tls.phoneOptions()).get(60, TimeUnit.SECONDS);
            assertEquals(ExitCode.CALL_FAILED, alice.code(), alice.out() + alice.err());
            assertTrue(alice.out().contains("\"status\":480"), alice.out());
            assertTrue(seen.forwarded.stream().noneMatch(f -> f.request().isMethod("INVITE")),
                    "RFC 3261 §26.2.2: no sips: INVITE forwarded to a sip: contact over UDP: " + seen.forwarded);
            assertEquals(ExitCode.SUCCESS, bob.get(30, TimeUnit.SECONDS).code());
        }
    }

    @Test
    void sipsWithoutTls_isAUsageError() throws Exception {
        Run r = parley(List.of("call", "sips:bob@127.0.0.1:5061", "--user", "alice", "--sips"), List.of())
                .get(30, TimeUnit.SECONDS);
        assertEquals(ExitCode.USAGE, r.code(), r.out() + r.err());
        assertTrue((r.out() + r.err()).contains("--sips needs --transport tls"), r.out() + r.err());
    }
}
