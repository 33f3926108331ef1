package dev.parley.sip.transaction.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.sip.transaction.TimerConfig;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** SIP over TLS (JDK SSLEngine) on loopback, with a self-signed certificate made by the JDK's keytool. */
class TlsTransportTest {

    static SSLContext context() throws Exception {
        return SelfSignedTls.context(Path.of("target", "tls-test.p12"));
    }

    @Test
    void callsComplete_overTlsOnOneReusedConnection() throws Exception {
        SSLContext ctx = context();
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        try (SipNode<AnsweringUas> uas = SipNode.start("uas", any, TimerConfig.DEFAULT, 1000, ctx,
                     (loop, addr) -> new AnsweringUas(loop, TimerConfig.DEFAULT, addr, 0, 1000));
             SipNode<CallingUac> uac = SipNode.start("uac", any, TimerConfig.DEFAULT, 1000, ctx,
                     (loop, addr) -> new CallingUac(loop, addr, 10))) {
            Endpoint target = new Endpoint(TransportKind.TLS, uas.tls().local().address());
            for (int i = 0; i < 10; i++) {
                uac.loop().execute(() -> uac.tu().call(uac.stack(), target, "bob"));
            }
            for (int i = 0; i < 1000 && uac.tu().completed() + uac.tu().failed() < 10; i++) {
                Thread.sleep(10);
            }
            assertEquals(10, uac.tu().completed(), "failed=" + uac.tu().failed());
            assertEquals(10, uas.tu().acked());
            CompletableFuture<Integer> connections = new CompletableFuture<>();
            uac.loop().execute(() -> connections.complete(uac.tls().connectionCount()));
            assertEquals(1, connections.get(5, TimeUnit.SECONDS));
            assertEquals(0, uas.udp().received());
        }
    }

    @Test
    void sipsRequestUri_isSentOverTls_withTlsInTheVia() throws Exception {
        SSLContext ctx = context();
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        try (SipNode<AnsweringUas> uas = SipNode.start("uas", any, TimerConfig.DEFAULT, 100, ctx,
                     (loop, addr) -> new AnsweringUas(loop, TimerConfig.DEFAULT, addr, 0, 100));
             SipNode<CallingUac> uac = SipNode.start("uac", any, TimerConfig.DEFAULT, 100, ctx,
                     (loop, addr) -> new CallingUac(loop, addr, 10))) {
            // RFC 3263 §4.1: a sips: URI without transport parameter goes over TLS; the TU only names the URI.
            dev.parley.sip.message.SipUri uri = new dev.parley.sip.message.SipUri(true, "uas", null, "127.0.0.1",
                    uas.tls().local().address().getPort(), dev.parley.sip.message.Parameters.EMPTY,
                    dev.parley.sip.message.Parameters.EMPTY);
            CompletableFuture<String> via = new CompletableFuture<>();
            CompletableFuture<Integer> status = new CompletableFuture<>();
            uac.loop().execute(() -> {
                dev.parley.sip.message.SipRequest options = dev.parley.sip.message.SipRequest
                        .builder(dev.parley.sip.message.SipMethod.OPTIONS, uri)
                        .via(uac.stack().newVia(TransportKind.UDP))
                        .maxForwards(70)
                        .from(dev.parley.sip.message.NameAddr.of(dev.parley.sip.message.SipUri.of("a", "127.0.0.1"))
                                .withTag(uac.stack().ops().newTag()))
                        .to(dev.parley.sip.message.NameAddr.of(uri))
                        .callId(uac.stack().ops().newTag() + "@127.0.0.1")
                        .cseq(1, dev.parley.sip.message.SipMethod.OPTIONS)
                        .build();
                uac.stack().sendRequest(options, new dev.parley.sip.transaction.ClientTransaction.Listener<>() {
                    @Override
                    public void onResponse(dev.parley.sip.message.SipResponse response) {
                        via.complete(response.topVia().transport());
                        status.complete(response.statusCode());
                    }

                    @Override
                    public void onTransportError() {
                        status.complete(503);
                    }
                });
            });
            assertEquals(200, status.get(10, TimeUnit.SECONDS));
            assertEquals("TLS", via.get(1, TimeUnit.SECONDS));
            assertEquals(0, uas.udp().received());
        }
    }

    @Test
    void untrustedServerCertificate_isATransportErrorAtOnce_withTheReasonKept() throws Exception {
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        // The client trusts only the JDK's default store, which does not hold the server's self-signed certificate.
        try (SipNode<AnsweringUas> uas = SipNode.start("uas", any, TimerConfig.DEFAULT, 100, context(),
                     (loop, addr) -> new AnsweringUas(loop, TimerConfig.DEFAULT, addr, 0, 100));
             SipNode<CallingUac> uac = SipNode.start("uac", any, TimerConfig.DEFAULT, 100, SSLContext.getDefault(),
                     (loop, addr) -> new CallingUac(loop, addr, 10))) {
            Endpoint target = new Endpoint(TransportKind.TLS, uas.tls().local().address());
            long started = System.nanoTime();
            uac.loop().execute(() -> uac.tu().call(uac.stack(), target, "bob"));
            for (int i = 0; i < 1000 && uac.tu().failed() == 0; i++) { // at most 10 s
                Thread.sleep(10);
            }
            // RFC 3261 §17.1.4: the connection could not be used, so the INVITE fails now, not at timer B (32 s).
            assertEquals(1, uac.tu().failed());
            assertEquals(0, uac.tu().completed());
            org.junit.jupiter.api.Assertions.assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10));
            CompletableFuture<String> reason = new CompletableFuture<>();
            uac.loop().execute(() -> reason.complete(uac.tls().lastFailure()));
            String why = reason.get(5, TimeUnit.SECONDS);
            org.junit.jupiter.api.Assertions.assertTrue(why.startsWith(target + ": ") && why.contains("certification path"), why);
            assertEquals(0, uas.tu().acked());
        }
    }
}
