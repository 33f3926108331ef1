package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.Codecs;
import dev.parley.codecs.ToneMeter;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.transaction.peer.SelfSignedTls;
import dev.parley.sip.transport.EventLoop;
import dev.parley.sip.transport.StreamLimits;
import dev.parley.sip.transport.TcpTransport;
import dev.parley.sip.transport.TransportKind;
import dev.parley.ua.fixture.TestRegistrar;
import dev.parley.ua.internal.auth.DigestAlgorithm;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Lines over TCP and TLS (RFC 3261 §18, §26.2) on real sockets on 127.0.0.1 (ephemeral ports):
 * both phones register with digest at a registrar listening on that transport, alice calls bob at
 * the Contact he registered, a tone flows; closing leaves no thread and frees the listener.
 */
class LoopbackStreamTest {

    private static List<String> parleyThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("parley-")).toList();
    }

    /** Runs {@code read} on the registrar's loop (its state is confined there). */
    private static <T> T onLoop(EventLoop loop, Supplier<T> read) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        assertTrue(loop.execute(() -> f.complete(read.get())));
        return f.get(5, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TransportKind.class, names = {"TCP", "TLS"})
    @Timeout(60)
    void registerAndCall_overStreamTransport_thenCloseLeavesNothingBehind(TransportKind kind) throws Exception {
        List<String> before = parleyThreads();
        SSLContext tls = kind == TransportKind.TLS ? SelfSignedTls.context(Path.of("target", "ua-tls-test.p12")) : null;
        EventLoop loop = new EventLoop("registrar-" + kind, 5, 10_000, 1_000);
        TestRegistrar[] registrar = new TestRegistrar[1];
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        TcpTransport listener = tls == null
                ? TcpTransport.open(loop, any, StreamLimits.DEFAULT, (m, from) -> registrar[0].stack().receiveFramed(m, from))
                : TcpTransport.openTls(loop, any, StreamLimits.DEFAULT, tls,
                        (m, from) -> registrar[0].stack().receiveFramed(m, from), to -> { });
        registrar[0] = new TestRegistrar(loop, listener, listener.local().address(), "parley.test", DigestAlgorithm.MD5)
                .user("alice", "a-secret").user("bob", "b-secret");
        String registrarAddress = "127.0.0.1:" + listener.local().address().getPort();

        CompletableFuture<Call> incoming = new CompletableFuture<>();
        SoftPhone.Builder bobBuilder = SoftPhone.builder().sipAddress("127.0.0.1", 0).codecs(Codecs.PCMU)
                .rtpPorts(42000, 42998)
                .listener(new PhoneListener() {
                    @Override
                    public void onIncomingCall(Call call) {
                        incoming.complete(call);
                    }
                });
        SoftPhone.Builder aliceBuilder = SoftPhone.builder().sipAddress("127.0.0.1", 0).codecs(Codecs.PCMU)
                .rtpPorts(43000, 43998);
        if (tls != null) {
            bobBuilder.tlsContext(tls);
            aliceBuilder.tlsContext(tls);
        }
        SoftPhone bob = bobBuilder.build();
        SoftPhone alice = aliceBuilder.build();
        PhoneLine bobLine = bob.addLine(LineConfig.builder("bob", "parley.test").password("b-secret")
                .registrar(registrarAddress).transport(kind).build());
        PhoneLine aliceLine = alice.addLine(LineConfig.builder("alice", "parley.test").password("a-secret")
                .registrar(registrarAddress).transport(kind).build());
        assertEquals(RegistrationState.REGISTERED, bobLine.register().toCompletableFuture().get(10, TimeUnit.SECONDS).state());
        assertEquals(RegistrationState.REGISTERED, aliceLine.register().toCompletableFuture().get(10, TimeUnit.SECONDS).state());

        String bobContact = onLoop(loop, () -> registrar[0].binding("bob"));
        SipUri contact = SipUri.parse(bobContact);
        assertEquals(kind.viaName().toLowerCase(), contact.transport().orElseThrow(), "the Contact names the transport");
        SipRequest register = onLoop(loop, () -> registrar[0].received().get(registrar[0].received().size() - 1));
        assertEquals(kind.viaName(), register.topVia().transport(), "RFC 3261 §18.1.1: the Via names the transport");
        SipUri aliceContact = SipUri.parse(onLoop(loop, () -> registrar[0].binding("alice")));
        assertEquals(aliceContact.port(), register.topVia().port(), "the Via port is alice's listener's");

        CapturingCollector bobHears = new CapturingCollector();
        Call out = aliceLine.newCall(bobContact);
        out.audioSource(AudioSources.tone(0.5, 1000));
        CompletableFuture<Call> answered = out.start().toCompletableFuture();
        Call in = incoming.get(10, TimeUnit.SECONDS);
        in.audioSink(bobHears);
        in.answer().toCompletableFuture().get(10, TimeUnit.SECONDS);
        answered.get(10, TimeUnit.SECONDS);
        short[] atBob = bobHears.full.get(10, TimeUnit.SECONDS);
        assertTrue(ToneMeter.relativePower(atBob, 0, atBob.length, 8000, 1000) > 0.3, "bob hears alice's 1000 Hz");

        assertEquals(EndCause.LOCAL_HANGUP, out.hangUp().toCompletableFuture().get(10, TimeUnit.SECONDS).cause());
        assertEquals(EndCause.REMOTE_HANGUP, in.ended().toCompletableFuture().get(10, TimeUnit.SECONDS).cause());
        alice.close();
        bob.close();
        assertEquals(null, onLoop(loop, () -> registrar[0].binding("alice")), "close() unregistered over " + kind);
        listener.close();
        loop.close();

        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("parley-") && !before.contains(t.getName())) {
                t.join(5_000);
            }
        }
        assertEquals(List.of(), parleyThreads().stream().filter(n -> !before.contains(n)).toList(),
                "close() leaves no thread behind");
        try (ServerSocketChannel again = ServerSocketChannel.open()) {
            again.bind(new InetSocketAddress("127.0.0.1", contact.port()));
        }
    }

    /** Completes once 4000 samples (0.5 s at 8 kHz) arrived after the first loud frame. */
    private static final class CapturingCollector implements AudioSink {
        final CompletableFuture<short[]> full = new CompletableFuture<>();
        private final short[] audio = new short[4000];
        private int filled;

        @Override
        public synchronized void write(short[] frame, int sampleRate) {
            int n = sampleRate / 50;
            if (filled == 0 && java.util.stream.IntStream.range(0, n).noneMatch(i -> Math.abs(frame[i]) > 4000)) {
                return; // silence until the first packets arrive
            }
            int take = Math.min(n, audio.length - filled);
            System.arraycopy(frame, 0, audio, filled, take);
            filled += take;
            if (filled == audio.length) {
                full.complete(audio);
            }
        }
    }
}
