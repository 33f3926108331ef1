package dev.parley.sip.transaction.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.ParserLimits;
import dev.parley.sip.message.SipMethod;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.transaction.ClientTransaction;
import dev.parley.sip.transaction.TimerConfig;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.EventLoop;
import dev.parley.sip.transport.StreamLimits;
import dev.parley.sip.transport.TcpTransport;
import dev.parley.sip.transport.TransportKind;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SIP over TCP on loopback: framing, same-connection responses, keep-alives, idle close, §18.1.1. */
class TcpTransportTest {

    private static SipNode<AnsweringUas> uas() {
        return SipNode.start("uas", new InetSocketAddress("127.0.0.1", 0), TimerConfig.DEFAULT, 1000,
                (loop, addr) -> new AnsweringUas(loop, TimerConfig.DEFAULT, addr, 0, 1000));
    }

    private static String readHead(InputStream in) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            String s = b.toString(StandardCharsets.UTF_8);
            if (s.endsWith("\r\n\r\n")) {
                return s;
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void request_isAnsweredOnTheSameConnection_andPingGetsPong() throws Exception {
        try (SipNode<AnsweringUas> uas = uas(); Socket s = new Socket("127.0.0.1", uas.address().getPort())) {
            s.setSoTimeout(5000);
            int myPort = s.getLocalPort();
            String options = "OPTIONS sip:uas@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:" + myPort
                    + ";branch=z9hG4bK-tcp1\r\nMax-Forwards: 70\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:uas@127.0.0.1>\r\n"
                    + "Call-ID: tcp1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            s.getOutputStream().write(options.getBytes(StandardCharsets.UTF_8));
            assertTrue(readHead(s.getInputStream()).startsWith("SIP/2.0 200 OK\r\n"));
            // RFC 5626 §3.5.1: CRLF CRLF ping, CRLF pong.
            s.getOutputStream().write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals('\r', s.getInputStream().read());
            assertEquals('\n', s.getInputStream().read());
        }
    }

    @Test
    void unframeableStream_isClosed() throws Exception {
        try (SipNode<AnsweringUas> uas = uas(); Socket s = new Socket("127.0.0.1", uas.address().getPort())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("INVITE sip:x@y SIP/2.0\r\nContent-Length: abc\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(-1, s.getInputStream().read());
        }
    }

    @Test
    void idleConnection_isClosed() throws Exception {
        try (EventLoop loop = new EventLoop("idle", 1, 1000, 100)) {
            TcpTransport tcp = TcpTransport.open(loop, new InetSocketAddress("127.0.0.1", 0),
                    new StreamLimits(ParserLimits.DEFAULT, 10, 1 << 16, 200), (m, from) -> { });
            try (Socket s = new Socket("127.0.0.1", tcp.local().address().getPort())) {
                s.setSoTimeout(5000);
                long start = System.nanoTime();
                assertEquals(-1, s.getInputStream().read());
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(ms >= 150 && ms < 4000, "closed after " + ms + " ms");
            } finally {
                tcp.close();
            }
        }
    }

    @Test
    void requestLargerThan1300Bytes_goesOverTcpAndConnectionIsReused() throws Exception {
        try (SipNode<AnsweringUas> uas = uas();
             SipNode<CallingUac> uac = SipNode.start("uac", new InetSocketAddress("127.0.0.1", 0), TimerConfig.DEFAULT, 100,
                     (loop, addr) -> new CallingUac(loop, addr, 10))) {
            Endpoint target = new Endpoint(TransportKind.UDP, uas.address());
            CompletableFuture<Integer> first = new CompletableFuture<>();
            CompletableFuture<Integer> second = new CompletableFuture<>();
            uac.loop().execute(() -> {
                send(uac, target, 1400, first);
                send(uac, target, 1400, second);
            });
            assertEquals(200, first.get(10, TimeUnit.SECONDS));
            assertEquals(200, second.get(10, TimeUnit.SECONDS));
            CompletableFuture<Integer> connections = new CompletableFuture<>();
            uac.loop().execute(() -> connections.complete(uac.tcp().connectionCount()));
            assertEquals(1, connections.get(5, TimeUnit.SECONDS));
            assertEquals(0, uas.udp().received());
        }
    }

    @Test
    void refusedConnection_reachesTheTransactionAsTransportError() throws Exception {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = probe.getLocalPort();
        }
        try (SipNode<CallingUac> uac = SipNode.start("uac", new InetSocketAddress("127.0.0.1", 0), TimerConfig.DEFAULT, 100,
                (loop, addr) -> new CallingUac(loop, addr, 10))) {
            Endpoint target = new Endpoint(TransportKind.TCP, new InetSocketAddress("127.0.0.1", closedPort));
            CompletableFuture<Integer> status = new CompletableFuture<>();
            long start = System.nanoTime();
            uac.loop().execute(() -> send(uac, target, 0, status));
            // RFC 3261 §17.1.4 / §8.1.3.1: the TU learns of the failure at once (it acts as if 503), not after timer F.
            assertEquals(503, status.get(10, TimeUnit.SECONDS));
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 5000);
        }
    }

    @Test
    void transportParamAndMaddr_chooseTheNextHop() throws Exception {
        try (SipNode<AnsweringUas> uas = uas();
             SipNode<CallingUac> uac = SipNode.start("uac", new InetSocketAddress("127.0.0.1", 0), TimerConfig.DEFAULT, 100,
                     (loop, addr) -> new CallingUac(loop, addr, 10))) {
            // RFC 3263 §4: maddr replaces the (unresolvable) host; transport=tcp picks TCP. No Endpoint from the TU.
            SipUri uri = SipUri.of("uas", "uas.invalid", uas.address().getPort())
                    .withParam("maddr", "127.0.0.1").withParam("transport", "tcp");
            CompletableFuture<Integer> status = new CompletableFuture<>();
            uac.loop().execute(() -> uac.stack().sendRequest(options(uac, uri, 0), listener(status)));
            assertEquals(200, status.get(10, TimeUnit.SECONDS));
            assertEquals(0, uas.udp().received());
            CompletableFuture<Integer> connections = new CompletableFuture<>();
            uac.loop().execute(() -> connections.complete(uac.tcp().connectionCount()));
            assertEquals(1, connections.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void largeRequest_whoseTcpConnectionIsRefused_isRetriedOverUdp() throws Exception {
        // A UDP-only peer: nothing listens for TCP on its port, so the connection gets a reset.
        try (java.net.DatagramSocket udpOnly = new java.net.DatagramSocket(0, java.net.InetAddress.getByName("127.0.0.1"));
             SipNode<CallingUac> uac = SipNode.start("uac", new InetSocketAddress("127.0.0.1", 0), TimerConfig.DEFAULT, 100,
                     (loop, addr) -> new CallingUac(loop, addr, 10))) {
            udpOnly.setSoTimeout(5000);
            Endpoint target = new Endpoint(TransportKind.UDP, new InetSocketAddress("127.0.0.1", udpOnly.getLocalPort()));
            CompletableFuture<Integer> status = new CompletableFuture<>();
            CompletableFuture<String> handle = new CompletableFuture<>();
            uac.loop().execute(() -> handle.complete(send(uac, target, 1400, status).describe()));
            assertTrue(handle.get(5, TimeUnit.SECONDS).contains("RFC 3261 §18.1.1"));
            java.net.DatagramPacket packet = new java.net.DatagramPacket(new byte[4096], 4096);
            udpOnly.receive(packet);
            // RFC 3261 §18.1.1: after the failed TCP attempt the request comes over UDP, its Via saying so.
            SipRequest retried = (SipRequest) new dev.parley.sip.message.SipParser(ParserLimits.DEFAULT)
                    .parse(packet.getData(), 0, packet.getLength());
            assertTrue(packet.getLength() > 1300, "size " + packet.getLength());
            assertEquals("UDP", retried.topVia().transport());
            assertEquals(SipMethod.OPTIONS, retried.method());
            byte[] ok = SipResponse.createFrom(retried, 200, "OK", "peer").toBytes();
            udpOnly.send(new java.net.DatagramPacket(ok, ok.length, packet.getSocketAddress()));
            assertEquals(200, status.get(10, TimeUnit.SECONDS));
        }
    }

    private static ClientTransaction send(SipNode<CallingUac> uac, Endpoint target, int padding, CompletableFuture<Integer> status) {
        SipUri uri = SipUri.of("uas", "127.0.0.1", target.address().getPort());
        return uac.stack().sendRequest(options(uac, uri, padding), target, listener(status));
    }

    private static SipRequest options(SipNode<CallingUac> uac, SipUri uri, int padding) {
        return SipRequest.builder(SipMethod.OPTIONS, uri)
                .via(uac.stack().newVia(TransportKind.UDP))
                .maxForwards(70)
                .from(NameAddr.of(SipUri.of("a", "127.0.0.1")).withTag(uac.stack().ops().newTag()))
                .to(NameAddr.of(uri))
                .callId(uac.stack().ops().newTag() + "@127.0.0.1")
                .cseq(1, SipMethod.OPTIONS)
                .add("X-Padding", "x".repeat(Math.max(1, padding)))
                .build();
    }

    private static ClientTransaction.Listener<SipResponse> listener(CompletableFuture<Integer> status) {
        return new ClientTransaction.Listener<>() {
            @Override
            public void onResponse(SipResponse response) {
                status.complete(response.statusCode());
            }

            @Override
            public void onTimeout() {
                status.complete(408);
            }

            @Override
            public void onTransportError() {
                status.complete(503);
            }
        };
    }
}
