package dev.parley.cli.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sip.message.SipMethod;
import dev.parley.sip.message.SipParser;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transaction.TimerConfig;
import dev.parley.sip.transaction.peer.AnsweringUas;
import dev.parley.sip.transaction.peer.CallingUac;
import dev.parley.sip.transaction.peer.SipNode;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** The registrar and proxy on real UDP sockets on loopback (IPv4 and IPv6), ephemeral ports, bounded waits. */
class RegistrarNodeTest {

    private static void awaitCount(LongSupplier counter, long expected) throws InterruptedException {
        // Bounded wait for real I/O (at most 10 s); the protocol's timing is tested in virtual time.
        for (int i = 0; i < 1000 && counter.getAsLong() < expected; i++) {
            Thread.sleep(10);
        }
    }

    private static String hostPort(InetSocketAddress a) {
        String h = a.getAddress().getHostAddress();
        return (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + a.getPort();
    }

    private static SipResponse exchange(DatagramSocket socket, InetSocketAddress to, String request) throws IOException {
        byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, to));
        DatagramPacket reply = new DatagramPacket(new byte[8192], 8192);
        socket.receive(reply);
        return (SipResponse) new SipParser().parse(reply.getData(), 0, reply.getLength());
    }

    private static String register(String me, String registrar, int cseq, String contact, String authorization) {
        return String.join("\r\n",
                "REGISTER sip:" + registrar + " SIP/2.0",
                "Via: SIP/2.0/UDP " + me + ";branch=z9hG4bKreg" + cseq,
                "Max-Forwards: 70",
                "From: <sip:bob@" + registrar + ">;tag=b1",
                "To: <sip:bob@" + registrar + ">",
                "Call-ID: node-test-bob",
                "CSeq: " + cseq + " REGISTER",
                "Contact: <" + contact + ">")
                + (authorization == null ? "" : "\r\nAuthorization: " + authorization)
                + "\r\nContent-Length: 0\r\n\r\n";
    }

    private static void registerThenCall(String ip) throws Exception {
        InetSocketAddress any = new InetSocketAddress(ip, 0);
        try (RegistrarNode proxy = RegistrarNode.start(any, RegistrarConfig.DEFAULT, ProxyLab.USERS, new RegistrarListener() { });
             SipNode<AnsweringUas> bob = SipNode.start("bob", any, TimerConfig.DEFAULT, 100,
                     (loop, addr) -> new AnsweringUas(loop, TimerConfig.DEFAULT, addr, 0, 100));
             SipNode<CallingUac> alice = SipNode.start("alice", any, TimerConfig.DEFAULT, 100,
                     (loop, addr) -> new CallingUac(loop, addr, 10));
             DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(ip))) {
            socket.setSoTimeout(10_000);
            String me = hostPort((InetSocketAddress) socket.getLocalSocketAddress());
            String registrar = hostPort(proxy.address());
            String contact = "sip:uas@" + hostPort(bob.address());
            SipResponse challenge = exchange(socket, proxy.address(), register(me, registrar, 1, contact, null));
            assertEquals(401, challenge.statusCode());
            String auth = ProxyLab.authorization(challenge.headerLines("WWW-Authenticate").get(0), "bob", "builder",
                    SipMethod.REGISTER, "sip:" + registrar, 1);
            SipResponse ok = exchange(socket, proxy.address(), register(me, registrar, 2, contact, auth));
            assertEquals(200, ok.statusCode());
            assertEquals(1, proxy.bindings("bob").size());

            Endpoint viaProxy = new Endpoint(TransportKind.UDP, proxy.address());
            alice.loop().execute(() -> alice.tu().call(alice.stack(), viaProxy, "bob"));
            awaitCount(() -> alice.tu().completed() + alice.tu().failed(), 1);
            assertEquals(1, alice.tu().completed(), "INVITE, ACK and BYE went through the proxy");
            assertEquals(1, bob.tu().answered());
            assertEquals(1, bob.tu().acked());
            assertEquals(1, bob.tu().byes());
            assertTrue(proxy.query(s -> s.pendingInvites()) <= 1);
        }
    }

    @Test
    void registerOverTcp_isChallengedOnTheSameConnection() throws Exception {
        try (RegistrarNode proxy = RegistrarNode.start(new InetSocketAddress("127.0.0.1", 0), RegistrarConfig.DEFAULT,
                ProxyLab.USERS, new RegistrarListener() { });
             java.net.Socket socket = new java.net.Socket()) {
            socket.connect(proxy.address(), 10_000);
            socket.setSoTimeout(10_000);
            String me = hostPort((InetSocketAddress) socket.getLocalSocketAddress());
            String registrar = hostPort(proxy.address());
            String request = register(me, registrar, 1, "sip:bob@" + me + ";transport=tcp", null).replace("SIP/2.0/UDP", "SIP/2.0/TCP");
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            StringBuilder reply = new StringBuilder();
            java.io.InputStream in = socket.getInputStream();
            // RFC 3261 §18.2.2: over TCP the response comes back on the connection the request used.
            while (reply.indexOf("\r\n\r\n") < 0 && reply.length() < 8192) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                reply.append((char) b);
            }
            assertTrue(reply.toString().startsWith("SIP/2.0 401 Unauthorized\r\n"), reply.toString());
            assertTrue(reply.toString().contains("WWW-Authenticate: Digest realm=\"parley\""), reply.toString());
        }
    }

    @Test
    void registerThenCall_overIpv4Loopback() throws Exception {
        registerThenCall("127.0.0.1");
    }

    @Test
    void registerThenCall_overIpv6Loopback() throws Exception {
        registerThenCall("::1");
    }
}
