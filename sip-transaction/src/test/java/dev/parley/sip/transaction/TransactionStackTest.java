package dev.parley.sip.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sip.message.ParserLimits;
import dev.parley.sip.message.SipParser;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.InMemoryNetwork;
import dev.parley.sip.transport.TransportKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RFC 3261 §18 receiving rules and RFC 3581, on real SIP bytes. */
class TransactionStackTest {

    private static final Endpoint STACK = Endpoint.of(TransportKind.UDP, "127.0.0.1", 5060);
    private static final Endpoint PEER = Endpoint.of(TransportKind.UDP, "127.0.0.1", 40000);
    private static final Endpoint PEER_RPORT = Endpoint.of(TransportKind.UDP, "127.0.0.1", 40001);

    private final VirtualTime time = new VirtualTime();
    private final InMemoryNetwork<byte[]> net = new InMemoryNetwork<>(time, 1, 1000);
    private final List<SipRequest> requests = new ArrayList<>();
    private final List<ServerTransaction<SipRequest, SipResponse>> transactions = new ArrayList<>();
    private final List<String> received = new ArrayList<>();
    private final TransactionStack stack;
    private final InMemoryNetwork<byte[]>.Port peer;

    TransactionStackTest() {
        TransactionStack[] holder = new TransactionStack[1];
        InMemoryNetwork<byte[]>.Port port = net.bind(STACK, (d, from) -> holder[0].receiveDatagram(d, 0, d.length, from));
        TransactionUser<SipRequest, SipResponse> tu = (tx, request) -> {
            requests.add(request);
            transactions.add(tx);
            tx.respond(request.createResponse(200, "OK", "t1"));
        };
        stack = new TransactionStack(time, TimerConfig.DEFAULT, ParserLimits.DEFAULT, port::send, tu, STACK.address(),
                new SplittableRandom(3), 100);
        holder[0] = stack;
        peer = net.bind(PEER, (d, from) -> received.add("40000 " + new String(d, StandardCharsets.UTF_8)));
        net.bind(PEER_RPORT, (d, from) -> received.add("40001 " + new String(d, StandardCharsets.UTF_8)));
    }

    private static byte[] options(String via) {
        return ("OPTIONS sip:a@127.0.0.1 SIP/2.0\r\nVia: " + via + "\r\nMax-Forwards: 70\r\nFrom: <sip:b@x>;tag=1\r\n"
                + "To: <sip:a@x>\r\nCall-ID: c1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rport_isFilledAndResponseGoesToSourcePort() {
        // RFC 3581 §4: received and rport are added; the response goes to received:rport.
        peer.send(options("SIP/2.0/UDP 10.9.9.9:40001;branch=z9hG4bK-r1;rport"), STACK);
        time.advance(1);
        assertEquals(1, requests.size());
        assertEquals("127.0.0.1", requests.get(0).topVia().received().orElseThrow());
        assertEquals(40000, requests.get(0).topVia().rport().getAsInt());
        assertEquals(1, received.size());
        assertTrue(received.get(0).startsWith("40000 SIP/2.0 200 OK"), received.get(0));
    }

    @Test
    void withoutRport_responseGoesToReceivedAddressAndSentByPort() {
        // RFC 3261 §18.2.2: to the "received" address and the sent-by port.
        peer.send(options("SIP/2.0/UDP 10.9.9.9:40001;branch=z9hG4bK-r2"), STACK);
        time.advance(1);
        assertEquals("127.0.0.1", requests.get(0).topVia().received().orElseThrow());
        assertTrue(received.get(0).startsWith("40001 SIP/2.0 200 OK"), received.get(0));
    }

    @Test
    void sentByEqualToSource_getsNoReceived() {
        peer.send(options("SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bK-r3"), STACK);
        time.advance(1);
        assertTrue(requests.get(0).topVia().received().isEmpty());
    }

    @Test
    void malformedRequest_isAnswered400WithTheReason() {
        byte[] bad = ("OPTIONS sip:a@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bK-b\r\n"
                + "From: <sip:b@x>;tag=1\r\nTo: <sip:a@x>\r\nCall-ID: c1\r\nCSeq: one OPTIONS\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        peer.send(bad, STACK);
        time.advance(1);
        assertEquals(0, requests.size());
        assertEquals(1, stack.badRequestsAnswered());
        SipResponse r = (SipResponse) new SipParser().parse(received.get(0).substring(6).getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.statusCode());
        assertTrue(r.reasonPhrase().startsWith("Bad Request - "), r.reasonPhrase());
    }

    @Test
    void garbageAndMalformedResponses_areDroppedAndCounted() {
        peer.send("\u0000\u0001garbage".getBytes(StandardCharsets.UTF_8), STACK);
        peer.send("SIP/2.0 200 OK\r\nCSeq: x\r\n\r\n".getBytes(StandardCharsets.UTF_8), STACK);
        peer.send("\r\n\r\n".getBytes(StandardCharsets.UTF_8), STACK);
        time.advance(1);
        assertEquals(2, stack.malformedDropped());
        assertEquals(List.of(), received);
    }

    @Test
    void responseWithAnotherSentBy_isDiscarded() {
        byte[] resp = ("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-x\r\nFrom: <sip:b@x>;tag=1\r\n"
                + "To: <sip:a@x>;tag=2\r\nCall-ID: c1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        peer.send(resp, STACK);
        time.advance(1);
        assertEquals(1, stack.foreignResponses());
        assertEquals(0, stack.layer().strayResponses());
    }

    @Test
    void completedNonInvite_keepsWireBytesOnly_andResendsTheSameResponse() {
        // RFC 3261 §17.2.2: a retransmission in Completed gets the final response again; the
        // transaction keeps only the wire bytes meanwhile, so the resent bytes must be identical.
        byte[] request = options("SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bK-keep1");
        peer.send(request, STACK);
        time.advance(1);
        peer.send(request, STACK);
        time.advance(1);
        assertEquals(1, requests.size());
        assertEquals(2, received.size());
        assertTrue(received.get(0).startsWith("40000 SIP/2.0 200 OK\r\n"), received.get(0));
        assertEquals(received.get(0), received.get(1));
        // The TU can still read the request, rebuilt from the kept bytes.
        ServerTransaction<SipRequest, SipResponse> tx = transactions.get(0);
        assertTrue(tx.hasFinalResponse());
        assertEquals(new String(requests.get(0).toBytes(), StandardCharsets.UTF_8),
                new String(tx.request().toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void acceptedInvite_keepsWireBytesOnly_andStillAbsorbsRetransmissions() {
        // RFC 6026 §8.6: in Accepted the INVITE retransmission is absorbed (the TU resends the 2xx).
        byte[] invite = ("INVITE sip:a@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bK-keep2\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:b@x>;tag=1\r\nTo: <sip:a@x>\r\nCall-ID: c2\r\nCSeq: 1 INVITE\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: 4\r\n\r\nv=0\n").getBytes(StandardCharsets.UTF_8);
        peer.send(invite, STACK);
        time.advance(1);
        peer.send(invite, STACK);
        time.advance(1);
        assertEquals(1, requests.size());
        assertEquals(1, received.size());
        ServerTransaction<SipRequest, SipResponse> tx = transactions.get(0);
        assertTrue(tx.describe().startsWith("INVITE server ACCEPTED"), tx.describe());
        SipRequest kept = tx.request();
        assertEquals(new String(requests.get(0).toBytes(), StandardCharsets.UTF_8), new String(kept.toBytes(), StandardCharsets.UTF_8));
        assertEquals("v=0\n", new String(kept.body(), StandardCharsets.UTF_8));
    }
}
