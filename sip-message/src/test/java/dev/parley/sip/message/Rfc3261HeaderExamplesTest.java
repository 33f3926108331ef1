package dev.parley.sip.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The header examples printed in RFC 3261 §20, read through the typed views. */
class Rfc3261HeaderExamplesTest {

    static SipMessage with(String... headers) {
        StringBuilder sb = new StringBuilder("INVITE sip:bob@biloxi.com SIP/2.0\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        return new SipParser().parse(sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void contact_20_10_listWithQuotedNamesQAndExpires() {
        List<Contact> c = with("Contact: \"Mr. Watson\" <sip:watson@worcester.bell-telephone.com>",
                "   ;q=0.7; expires=3600,",
                "   \"Mr. Watson\" <mailto:watson@bell-telephone.com> ;q=0.1").contacts();
        assertEquals(2, c.size());
        assertEquals("Mr. Watson", c.get(0).address().displayName());
        assertEquals(0.7, c.get(0).q().orElseThrow());
        assertEquals(3600, c.get(0).expires().getAsLong());
        assertEquals(new AbsoluteUri("mailto", "watson@bell-telephone.com"), c.get(1).address().uri());
        assertEquals(0.1, c.get(1).q().orElseThrow());
        assertTrue(with("m: *").contacts().get(0).isWildcard());
    }

    @Test
    void from_20_20_andTo_20_39_formsWithAndWithoutBrackets() {
        SipMessage m = with("From: \"A. G. Bell\" <sip:agb@bell-telephone.com> ;tag=a48s",
                "To: The Operator <sip:operator@cs.columbia.edu>;tag=287447");
        assertEquals("A. G. Bell", m.from().displayName());
        assertEquals("a48s", m.fromTag().orElseThrow());
        assertEquals("The Operator", m.to().displayName());
        assertEquals("287447", m.to().tag().orElseThrow());
        SipMessage bare = with("From: sip:+12125551212@server.phone2net.com;tag=887s", "t: sip:+12125551212@server.phone2net.com");
        assertEquals("+12125551212", ((SipUri) bare.from().uri()).user());
        assertEquals("887s", bare.from().tag().orElseThrow());
        assertNull(bare.to().displayName());
        assertTrue(bare.toTag().isEmpty());
    }

    @Test
    void via_20_42_receivedAndSpacesAroundSeparators() {
        SipMessage m = with("Via: SIP/2.0/UDP erlang.bell-telephone.com:5060;branch=z9hG4bK87asdks7",
                "Via: SIP/2.0/UDP 192.0.2.1:5060 ;received=192.0.2.207",
                "  ;branch=z9hG4bK77asjd",
                "v: SIP / 2.0 / UDP first.example.com: 4000;ttl=16",
                "  ;maddr=224.2.0.1 ;branch=z9hG4bKa7c6a8dlze.1");
        List<Via> v = m.vias();
        assertEquals(3, v.size());
        assertEquals(5060, v.get(0).port());
        assertEquals("192.0.2.207", v.get(1).received().orElseThrow());
        assertEquals("z9hG4bK77asjd", v.get(1).branch().orElseThrow());
        assertEquals("first.example.com", v.get(2).host());
        assertEquals(4000, v.get(2).port());
        assertEquals(16, v.get(2).ttl().getAsInt());
        assertEquals("224.2.0.1", v.get(2).maddr().orElseThrow());
    }

    @Test
    void recordRouteAndRoute_20_30_20_34() {
        SipMessage m = with("Record-Route: <sip:server10.biloxi.com;lr>,",
                "      <sip:bigbox3.site3.atlanta.com;lr>",
                "Route: <sip:bigbox3.site3.atlanta.com;lr>,",
                "      <sip:server10.biloxi.com;lr>");
        assertEquals(2, m.recordRoutes().size());
        assertTrue(((SipUri) m.recordRoutes().get(0).uri()).isLooseRouter());
        assertEquals("server10.biloxi.com", ((SipUri) m.routes().get(1).uri()).host());
    }

    @Test
    void contentTypeCseqCallIdMaxForwardsExpires() {
        SipMessage m = with("c: text/html; charset=ISO-8859-4", "CSeq: 4711 INVITE",
                "i:f81d4fae-7dec-11d0-a765-00a0c91e6bf6@foo.bar.com", "Max-Forwards: 6", "Expires: 5");
        MediaType t = m.mediaType().orElseThrow();
        assertTrue(t.is("text/html"));
        assertEquals("ISO-8859-4", t.params().get("charset").orElseThrow());
        assertEquals(new CSeq(4711, "INVITE"), m.cseq());
        assertEquals("f81d4fae-7dec-11d0-a765-00a0c91e6bf6@foo.bar.com", m.callId());
        assertEquals(6, m.maxForwards().getAsInt());
        assertEquals(5, m.expires().getAsLong());
    }

    @Test
    void authorization_20_7_andWwwAuthenticate_20_44() {
        SipMessage m = with("Authorization: Digest username=\"Alice\", realm=\"atlanta.com\",",
                " nonce=\"84a4cc6f3082121f32b42a2187831a9e\",",
                " response=\"7587245234b3434cc3412213e5f113a5432\"",
                "WWW-Authenticate: Digest realm=\"atlanta.com\",",
                "  domain=\"sip:boxesbybob.com\", qop=\"auth\",",
                "  nonce=\"f84f1cec41e6cbe5aea9c8e88d359\",",
                "  opaque=\"\", stale=FALSE, algorithm=MD5");
        AuthHeader credentials = m.authHeaders("Authorization").get(0);
        assertEquals("Alice", credentials.username().orElseThrow());
        assertEquals("7587245234b3434cc3412213e5f113a5432", credentials.response().orElseThrow());
        AuthHeader challenge = m.authHeaders("www-authenticate").get(0);
        assertEquals("", challenge.opaque().orElseThrow());
        assertEquals("MD5", challenge.algorithm());
        assertEquals("sip:boxesbybob.com", challenge.param("domain").orElseThrow());
        assertTrue(!challenge.isStale());
        assertEquals(List.of("Digest username=\"Alice\", realm=\"atlanta.com\", nonce=\"84a4cc6f3082121f32b42a2187831a9e\", response=\"7587245234b3434cc3412213e5f113a5432\""),
                m.headerValues("Authorization"));
    }

    @Test
    void authHeaderParse_readsOneValue_likeAuthHeadersDoes() {
        AuthHeader h = AuthHeader.parse("Digest realm=\"a \\\"b\\\"\", nonce=n1, stale=TRUE, qop=\"auth,auth-int\"");
        assertEquals("a \"b\"", h.realm().orElseThrow(), "RFC 3261 §25.1: quoted-pairs are resolved");
        assertEquals("n1", h.nonce().orElseThrow());
        assertTrue(h.isStale());
        assertEquals("auth,auth-int", h.qop().orElseThrow());
        SipParseException e = org.junit.jupiter.api.Assertions.assertThrows(SipParseException.class,
                () -> AuthHeader.parse("Digest realm=\"unterminated"));
        assertTrue(e.reason() != null);
    }
}
