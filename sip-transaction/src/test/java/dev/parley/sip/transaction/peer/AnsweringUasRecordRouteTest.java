package dev.parley.sip.transaction.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.sip.message.HeaderNames;
import dev.parley.sip.message.ParserLimits;
import dev.parley.sip.message.SipParser;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.InMemoryNetwork;
import dev.parley.sip.transport.TransportKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3261 §12.1.1: the UAS copies Record-Route into the responses that establish a dialog. */
class AnsweringUasRecordRouteTest {

    private static final Endpoint PROXY = Endpoint.of(TransportKind.UDP, "127.0.0.1", 5070);

    @Test
    void ringingAndOk_carryEveryRecordRouteValue_inOrderAndUnchanged() {
        LoopbackPair pair = new LoopbackPair(7, 100);
        List<SipResponse> received = new ArrayList<>();
        SipParser parser = new SipParser(ParserLimits.DEFAULT);
        InMemoryNetwork<byte[]>.Port proxy = pair.network.bind(PROXY,
                (d, from) -> received.add((SipResponse) parser.parse(d, 0, d.length)));
        String invite = "INVITE sip:bob@127.0.0.1:5060 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-rr1\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-alice\r\n"
                + "Max-Forwards: 69\r\n"
                + "Record-Route: <sip:127.0.0.1:5070;lr;ftag=a1>;x-unknown=\"kept\"\r\n"
                + "Record-Route: <sip:192.0.2.7;lr>, <sips:192.0.2.8:5071;lr;transport=tcp>\r\n"
                + "From: <sip:alice@192.0.2.1>;tag=a1\r\n"
                + "To: <sip:bob@127.0.0.1>\r\n"
                + "Call-ID: rr-1@192.0.2.1\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:alice@192.0.2.1>\r\n"
                + "Content-Length: 0\r\n\r\n";
        proxy.send(invite.getBytes(StandardCharsets.UTF_8), LoopbackPair.UAS);
        pair.time.advance(150);

        List<String> expected = List.of("<sip:127.0.0.1:5070;lr;ftag=a1>;x-unknown=\"kept\"",
                "<sip:192.0.2.7;lr>, <sips:192.0.2.8:5071;lr;transport=tcp>");
        List<Integer> codes = received.stream().map(SipResponse::statusCode).toList();
        assertEquals(List.of(180, 200), codes);
        for (SipResponse r : received) {
            assertEquals(expected, r.headerLines(HeaderNames.RECORD_ROUTE), r.statusCode() + " Record-Route");
        }
    }

    @Test
    void withoutRecordRoute_theOkHasNone() {
        LoopbackPair pair = new LoopbackPair(8, 0);
        List<SipResponse> received = new ArrayList<>();
        SipParser parser = new SipParser(ParserLimits.DEFAULT);
        InMemoryNetwork<byte[]>.Port proxy = pair.network.bind(PROXY,
                (d, from) -> received.add((SipResponse) parser.parse(d, 0, d.length)));
        String invite = "INVITE sip:bob@127.0.0.1:5060 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-rr2\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:alice@127.0.0.1>;tag=a2\r\nTo: <sip:bob@127.0.0.1>\r\n"
                + "Call-ID: rr-2@127.0.0.1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";
        proxy.send(invite.getBytes(StandardCharsets.UTF_8), LoopbackPair.UAS);
        pair.time.advance(10);
        assertEquals(200, received.get(0).statusCode());
        assertEquals(List.of(), received.get(0).headerLines(HeaderNames.RECORD_ROUTE));
    }
}
