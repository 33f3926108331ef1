package dev.parley.sip.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fact each RFC 4475 / RFC 5118 message is about (the EXPECTED.tsv descriptions). */
class TortureFactsTest {

    static SipMessage msg(String folder, String name) {
        return new SipParser().parse(SharedCorpus.read(SharedCorpus.corpus(folder).resolve(name + ".dat")));
    }

    static SipRequest req(String name) {
        return (SipRequest) msg("rfc4475", name).validate();
    }

    static SipParseException.Reason rejection(String folder, String name) {
        return assertThrows(SipParseException.class, () -> msg(folder, name).validate()).reason();
    }

    @Test
    void wsinv_foldingAndOddSpacingAreUnderstood() {
        SipRequest r = req("wsinv");
        assertEquals("wsinv.ndaksdj@192.0.2.1", r.callId());
        assertEquals(new CSeq(9, "INVITE"), r.cseq());
        assertEquals(68, r.maxForwards().getAsInt());
        assertEquals(3, r.vias().size());
        assertEquals(150, r.bodyLength());
        assertTrue(r.header("UnknownHeaderWithUnusualValue").isPresent());
        assertEquals(";;,,;;,;", r.header("unknownheaderwithunusualvalue").orElseThrow());
    }

    @Test
    void intmeth_unknownMethodTokenAndLiteralCallId() {
        SipRequest r = req("intmeth");
        assertEquals("!interesting-Method0123456789_*+`.%indeed'~", r.method());
        assertFalse(SipMethod.isKnown(r.method()));
        assertEquals("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", r.callId());
        assertEquals("BEL:\u0007 NUL:\u0000 DEL:\u007f", r.to().displayName());
    }

    @Test
    void esc01_escapesDecodeExactlyOnce() {
        SipRequest r = req("esc01");
        assertEquals("sips:user@example.com", ((SipUri) r.requestUri()).user());
        assertTrue(r.to().uri().isEquivalent(SipUri.of("user", "example.com")));
        SipUri contact = (SipUri) r.contacts().get(0).address().uri();
        assertEquals("value%41", contact.params().get("name").orElseThrow());
        assertTrue(contact.params().contains("lr"));
    }

    @Test
    void escnull_nulBytesSurviveUnescapingAndContactsStayDistinct() {
        SipRequest r = req("escnull");
        assertEquals("null-\u0000-null", ((SipUri) r.to().uri()).user());
        List<Contact> contacts = r.contacts();
        assertEquals(2, contacts.size());
        assertEquals("\u0000", ((SipUri) contacts.get(0).address().uri()).user());
        assertEquals("\u0000\u0000", ((SipUri) contacts.get(1).address().uri()).user());
        assertFalse(contacts.get(0).address().uri().isEquivalent(contacts.get(1).address().uri()));
    }

    @Test
    void esc02_escapedMethodIsNotRegisterAndEscapedHeaderNameIsUnknown() {
        SipRequest r = req("esc02");
        assertEquals("RE%47IST%45R", r.method());
        assertEquals("%Z%45", r.from().displayName());
        assertEquals(2, r.contacts().size());
        assertTrue(r.hasHeader("C%6Fntact"));
    }

    @Test
    void lwsdisp_displayNameWithoutSpaceBeforeAngle() {
        assertEquals("caller", req("lwsdisp").from().displayName());
    }

    @Test
    void longreq_longValuesAndManyVias() {
        SipRequest r = req("longreq");
        assertEquals(34, r.vias().size());
        assertEquals(155, r.from().tag().orElseThrow().length());
        assertEquals(150, r.bodyLength());
    }

    @Test
    void dblreq_onlyTheFirstMessageOfTheDatagramCounts() {
        SipRequest r = req("dblreq");
        assertEquals("REGISTER", r.method());
        assertEquals(0, r.bodyLength());
    }

    @Test
    void semiuri_semicolonInUserPart() {
        SipUri u = (SipUri) req("semiuri").requestUri();
        assertEquals("user;par=u@example.net", u.user());
        assertEquals("example.com", u.host());
        assertTrue(u.params().isEmpty());
    }

    @Test
    void transports_unknownTransportTokenParses() {
        List<String> t = req("transports").vias().stream().map(Via::transport).toList();
        assertEquals(List.of("UDP", "SCTP", "TLS", "UNKNOWN", "TCP"), t);
    }

    @Test
    void mpart01_binaryBodyFramedByContentLength() {
        assertEquals(553, req("mpart01").bodyLength());
    }

    @Test
    void unreason_andNoreason_reasonPhrasesAsReceived() {
        SipResponse u = (SipResponse) msg("rfc4475", "unreason").validate();
        assertEquals(200, u.statusCode());
        assertTrue(u.reasonPhrase().contains("\u0441\u0442\u043e"), u.reasonPhrase());
        assertEquals(154, u.bodyLength());
        SipResponse n = (SipResponse) msg("rfc4475", "noreason").validate();
        assertEquals(100, n.statusCode());
        assertEquals("", n.reasonPhrase());
    }

    @Test
    void invalidMessages_areRejectedWithTheReasonThatApplies() {
        assertEquals(SipParseException.Reason.BAD_PARAMETER, rejection("rfc4475", "badinv01"));
        assertEquals(SipParseException.Reason.BODY_TRUNCATED, rejection("rfc4475", "clerr"));
        assertEquals(SipParseException.Reason.BAD_CONTENT_LENGTH, rejection("rfc4475", "ncl"));
        assertEquals(SipParseException.Reason.NUMBER_OUT_OF_RANGE, rejection("rfc4475", "scalar02"));
        assertEquals(SipParseException.Reason.UNCLOSED_QUOTE, rejection("rfc4475", "quotbal"));
        assertEquals(SipParseException.Reason.BAD_URI, rejection("rfc4475", "ltgtruri"));
        assertEquals(SipParseException.Reason.BAD_REQUEST_URI, rejection("rfc4475", "lwsruri"));
        assertEquals(SipParseException.Reason.BAD_REQUEST_URI, rejection("rfc4475", "escruri"));
        assertEquals(SipParseException.Reason.BAD_NAME_ADDR, rejection("rfc4475", "regbadct"));
        assertEquals(SipParseException.Reason.BAD_NAME_ADDR, rejection("rfc4475", "baddn"));
        assertEquals(SipParseException.Reason.UNSUPPORTED_VERSION, rejection("rfc4475", "badvers"));
        assertEquals(SipParseException.Reason.METHOD_MISMATCH, rejection("rfc4475", "mismatch01"));
        assertEquals(SipParseException.Reason.BAD_STATUS_CODE, rejection("rfc4475", "bigcode"));
        assertEquals(SipParseException.Reason.MISSING_HEADER, rejection("rfc4475", "insuf"));
        assertEquals(SipParseException.Reason.DUPLICATE_HEADER, rejection("rfc4475", "multi01"));
        assertEquals(SipParseException.Reason.CONFLICTING_CONTENT_LENGTH, rejection("rfc4475", "mcl01"));
        assertEquals(SipParseException.Reason.BAD_URI, rejection("rfc5118", "ipv6-bad"));
    }

    @Test
    void badRequests_salvageEnoughToAnswer400() {
        for (String name : List.of("badinv01", "scalar02", "quotbal", "mismatch01", "multi01", "clerr", "insuf", "badvers")) {
            SipParseException e = assertThrows(SipParseException.class, () -> msg("rfc4475", name).validate(), name);
            SipRequest salvaged = assertInstanceOf(SipRequest.class, e.salvaged().orElseThrow(), name);
            SipResponse answer = SipResponse.createFrom(salvaged, 400, e.reason().description(), "x");
            assertEquals(400, answer.statusCode());
            assertEquals(salvaged.headerLines("Via"), answer.headerLines("Via"), name);
            assertEquals(salvaged.header("Call-ID"), answer.header("Call-ID"), name);
        }
    }

    @Test
    void badbranch_bareMagicCookieIsWellFormed() {
        Via v = req("badbranch").topVia();
        assertEquals("z9hG4bK", v.branch().orElseThrow());
        assertTrue(v.hasMagicCookie());
    }

    @Test
    void unknownSchemes_areKeptOpaque() {
        assertEquals(new AbsoluteUri("nobodyKnowsThisScheme", "totallyopaquecontent"), req("unkscm").requestUri());
        assertEquals("soap.beep", req("novelsc").requestUri().scheme());
        SipRequest r = req("unksm2");
        assertEquals(new AbsoluteUri("isbn", "2983792873"), r.to().uri());
        assertEquals("http", r.from().uri().scheme());
        assertEquals("name", r.contacts().get(0).address().uri().scheme());
    }

    @Test
    void cparam01_and02_whereAContactParameterBelongs() {
        Contact bare = req("cparam01").contacts().get(0);
        assertTrue(bare.address().params().contains("unknownparam"));
        assertFalse(((SipUri) bare.address().uri()).params().contains("unknownparam"));
        Contact angled = req("cparam02").contacts().get(0);
        assertTrue(((SipUri) angled.address().uri()).params().contains("unknownparam"));
        assertFalse(angled.address().params().contains("unknownparam"));
    }

    @Test
    void regescrt_escapedHeaderStaysInContactUri() {
        SipUri u = (SipUri) req("regescrt").contacts().get(0).address().uri();
        assertEquals("<sip:sip.example.com>", u.headers().get("Route").orElseThrow());
    }

    @Test
    void zeromf_and_inv2543() {
        assertEquals(0, req("zeromf").maxForwards().getAsInt());
        SipRequest old = req("inv2543");
        assertTrue(old.topVia().branch().isEmpty());
        assertTrue(old.from().tag().isEmpty());
        assertTrue(old.maxForwards().isEmpty());
        assertEquals(105, old.bodyLength());
    }

    @Test
    void rfc5118_ipv6ReferencesAndPorts() {
        SipRequest good = (SipRequest) msg("rfc5118", "ipv6-good").validate();
        assertEquals("2001:db8::10", ((SipUri) good.requestUri()).host());
        assertEquals("2001:db8::9:1", good.topVia().host());
        SipUri amb = (SipUri) ((SipRequest) msg("rfc5118", "port-ambiguous")).requestUri();
        assertEquals("2001:db8::10:5070", amb.host());
        assertEquals(-1, amb.port());
        SipUri unamb = (SipUri) ((SipRequest) msg("rfc5118", "port-unambiguous")).requestUri();
        assertEquals("2001:db8::10", unamb.host());
        assertEquals(5070, unamb.port());
        assertNotEquals(amb, unamb);
        assertEquals("2001:db8::9:255", msg("rfc5118", "via-received-param-with-delim").topVia().received().orElseThrow());
        assertEquals("2001:db8::9:255", msg("rfc5118", "via-received-param-no-delim").topVia().received().orElseThrow());
        List<Via> vias = msg("rfc5118", "mult-ip-in-header").validate().vias();
        assertEquals(6050, vias.get(0).port());
        assertEquals("192.0.2.200", vias.get(2).received().orElseThrow());
        assertEquals("::ffff:192.0.2.10", msg("rfc5118", "ipv4-mapped-ipv6").validate().topVia().host());
    }
}
