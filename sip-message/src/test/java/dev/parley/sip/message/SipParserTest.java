package dev.parley.sip.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SipParserTest {

    static final String INVITE = """
            INVITE sip:bob@biloxi.example.com SIP/2.0\r
            Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds;rport\r
            Via: SIP/2.0/TCP [2001:db8::9:1]:5061;branch=z9hG4bK1, SIP/2.0/UDP 192.0.2.1;received=192.0.2.200\r
            Max-Forwards: 70\r
            To: Bob <sip:bob@biloxi.example.com>\r
            f: "Alice \\"A\\"" <sip:alice@atlanta.example.com>;tag=1928301774\r
            i: a84b4c76e66710@pc33.atlanta.example.com\r
            CSeq: 314159 INVITE\r
            Contact: <sip:alice@pc33.atlanta.example.com;transport=tcp>;expires=3600;q=0.5\r
            X-Unknown:  some   value \r
            Content-Type: application/sdp\r
            l: 4\r
            \r
            v=0\r
            """;

    static SipMessage parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new SipParser().parse(b, 0, b.length);
    }

    @Test
    void parsesRequestLineAndMandatoryHeaders() {
        SipRequest r = assertInstanceOf(SipRequest.class, parse(INVITE).validate());
        assertEquals("INVITE", r.method());
        assertEquals(SipUri.of("bob", "biloxi.example.com"), r.requestUri());
        assertEquals(new CSeq(314159, "INVITE"), r.cseq());
        assertEquals("a84b4c76e66710@pc33.atlanta.example.com", r.callId());
        assertEquals("1928301774", r.from().tag().orElseThrow());
        assertEquals("Alice \"A\"", r.from().displayName());
        assertEquals(70, r.maxForwards().getAsInt());
        assertEquals("v=0\r", r.bodyAsString().substring(0, 4));
        assertEquals(4, r.bodyLength());
    }

    @Test
    void viaViewsExposeSentByBranchReceivedAndRport() {
        SipMessage m = parse(INVITE);
        Via top = m.topVia();
        assertEquals("UDP", top.transport());
        assertEquals("pc33.atlanta.example.com", top.host());
        assertEquals(-1, top.port());
        assertEquals("z9hG4bK776asdhds", top.branch().orElseThrow());
        assertTrue(top.hasRport());
        assertTrue(top.rport().isEmpty());
        List<Via> vias = m.vias();
        assertEquals(3, vias.size());
        assertEquals("2001:db8::9:1", vias.get(1).host());
        assertEquals(5061, vias.get(1).port());
        assertEquals("192.0.2.200", vias.get(2).received().orElseThrow());
    }

    @Test
    void headerLookupIgnoresCaseAndCompactForms() {
        SipMessage m = parse(INVITE);
        assertEquals("a84b4c76e66710@pc33.atlanta.example.com", m.header("call-id").orElseThrow());
        assertEquals("a84b4c76e66710@pc33.atlanta.example.com", m.header("I").orElseThrow());
        assertEquals("some   value", m.header("x-unknown").orElseThrow());
        assertEquals(3, m.headerValues("v").size());
        assertEquals(2, m.headerLines("VIA").size());
        assertFalse(m.hasHeader("Route"));
    }

    @Test
    void contactViewReadsExpiresAndQ() {
        Contact c = parse(INVITE).contacts().get(0);
        assertEquals(3600, c.expires().getAsLong());
        assertEquals(0.5, c.q().orElseThrow());
        assertEquals("tcp", ((SipUri) c.address().uri()).transport().orElseThrow());
    }

    @Test
    void createResponse_keepsEachHeaderNameAsSpelled_longCompactOrOddCase() {
        // The names are copied as received (RFC 3261 §7.3.3 compact forms, any case); the usual
        // long spelling is shared with the header table, the others are copied.
        String text = "OPTIONS sip:a@x SIP/2.0\r\nv: SIP/2.0/UDP h:5060;branch=z9hG4bK-n\r\nFROM: <sip:b@x>;tag=1\r\n"
                + "To: <sip:a@x>\r\ni: n1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        SipResponse resp = ((SipRequest) parse(text)).createResponse(200, "OK", "t");
        List<String> names = resp.headers().stream().map(SipHeader::name).toList();
        assertEquals(List.of("v", "FROM", "To", "i", "CSeq"), names.subList(0, 5));
    }

    @Test
    void createResponseCopiesTransactionHeadersAndAddsToTag() {
        SipRequest r = (SipRequest) parse(INVITE);
        SipResponse resp = r.createResponse(180, "Ringing", "a6c85cf");
        assertEquals(180, resp.statusCode());
        assertEquals(r.vias(), resp.vias());
        assertEquals(r.cseq(), resp.cseq());
        assertEquals(r.callId(), resp.callId());
        assertEquals(r.from(), resp.from());
        assertEquals("a6c85cf", resp.to().tag().orElseThrow());
        assertFalse(resp.hasHeader("Contact"));
        assertEquals(0, resp.bodyLength());
        SipResponse again = (SipResponse) parse(new String(resp.toBytes(), StandardCharsets.UTF_8));
        assertEquals(resp.to(), again.to());
    }

    @Test
    void truncatedBodyIsRejectedButTransactionHeadersAreSalvaged() {
        String text = INVITE.replace("l: 4", "l: 400");
        SipParseException e = assertThrows(SipParseException.class, () -> parse(text));
        assertEquals(SipParseException.Reason.BODY_TRUNCATED, e.reason());
        SipRequest salvaged = (SipRequest) e.salvaged().orElseThrow();
        SipResponse bad = SipResponse.createFrom(salvaged, 400, e.reason().description(), null);
        assertEquals(new CSeq(314159, "INVITE"), bad.cseq());
        assertEquals(3, bad.vias().size());
    }

    @Test
    void streamFramerDeliversMessagesSplitAcrossChunksAndKeepAlives() {
        byte[] one = INVITE.getBytes(StandardCharsets.UTF_8);
        byte[] stream = new byte[one.length * 2 + 4];
        System.arraycopy(one, 0, stream, 0, one.length);
        System.arraycopy("\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0, stream, one.length, 4);
        System.arraycopy(one, 0, stream, one.length + 4, one.length);
        List<SipMessage> got = new java.util.ArrayList<>();
        int[] pings = {0};
        SipStreamFramer f = new SipStreamFramer(ParserLimits.DEFAULT, new SipStreamFramer.Listener() {
            @Override
            public void onMessage(SipMessage message) {
                got.add(message);
            }

            @Override
            public void onPing() {
                pings[0]++;
            }
        });
        for (int i = 0; i < stream.length; i += 7) {
            f.feed(stream, i, Math.min(7, stream.length - i));
        }
        assertEquals(2, got.size());
        assertEquals(1, pings[0]);
        assertEquals(0, f.buffered());
        assertEquals("a84b4c76e66710@pc33.atlanta.example.com", got.get(1).callId());
    }

    @Test
    void builderProducesRequestThatReparsesEqual() {
        SipRequest req = SipRequest.builder(SipMethod.OPTIONS, SipUri.of("bob", "biloxi.example.com"))
                .via(Via.of("UDP", "10.0.0.1", 5060, "z9hG4bKabc"))
                .maxForwards(70)
                .from(NameAddr.of("Alice", SipUri.of("alice", "atlanta.example.com")).withTag("x1"))
                .to(NameAddr.of(SipUri.of("bob", "biloxi.example.com")))
                .callId("c1@h")
                .cseq(1, SipMethod.OPTIONS)
                .build()
                .validate();
        assertEquals("z9hG4bKabc", req.topVia().branch().orElseThrow());
        SipRequest edited = req.toBuilder().set("Max-Forwards", "69").remove("To")
                .to(NameAddr.parse("<sip:carol@chicago.example.com>")).build();
        assertEquals(69, edited.maxForwards().getAsInt());
        assertEquals("carol", ((SipUri) edited.to().uri()).user());
        assertEquals(req.from(), edited.from());
    }

    @Test
    void encodeToAndWriteToProduceTheSameBytesAsToBytes() {
        SipMessage m = parse(INVITE);
        byte[] expected = m.toBytes(HeaderForm.COMPACT);
        byte[] dst = new byte[expected.length + 10];
        assertEquals(expected.length, m.encodeTo(dst, 5, HeaderForm.COMPACT));
        assertEquals(new String(expected, StandardCharsets.UTF_8), new String(dst, 5, expected.length, StandardCharsets.UTF_8));
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(expected.length + 3).position(3);
        m.writeTo(buf, HeaderForm.COMPACT);
        assertEquals(expected.length + 3, buf.position());
        assertThrows(IndexOutOfBoundsException.class, () -> m.encodeTo(new byte[10], 0, HeaderForm.LONG));
        assertTrue(new String(expected, StandardCharsets.UTF_8).contains("\r\nv: SIP/2.0/UDP"));
        assertTrue(new String(m.toBytes(), StandardCharsets.UTF_8).contains("\r\nContent-Length: 4\r\n"));
    }

    @Test
    void messageDeepInsideALargeBufferIsIndexedRelativeToItsStart() {
        byte[] msg = INVITE.getBytes(StandardCharsets.UTF_8);
        int off = (1 << 24) + 3;
        byte[] big = new byte[off + msg.length + 5];
        System.arraycopy(msg, 0, big, off, msg.length);
        SipMessage m = new SipParser().parse(big, off, msg.length).validate();
        assertEquals("a84b4c76e66710@pc33.atlanta.example.com", m.callId());
        assertEquals("X-Unknown", m.headers().get(8).name());
        assertEquals(new String(parse(INVITE).toBytes(), StandardCharsets.UTF_8), new String(m.toBytes(), StandardCharsets.UTF_8));
    }
}
