package dev.parley.sip.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SipUriTest {

    /** RFC 3261 §19.1.4: the examples of equivalent URIs. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sip:%61lice@atlanta.com;transport=TCP | sip:alice@AtLanTa.CoM;Transport=tcp",
        "sip:carol@chicago.com | sip:carol@chicago.com;newparam=5",
        "sip:carol@chicago.com | sip:carol@chicago.com;security=on",
        "sip:carol@chicago.com;newparam=5 | sip:carol@chicago.com;security=on",
        "sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com | sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com",
        "sip:alice@atlanta.com?subject=project%20x&priority=urgent | sip:alice@atlanta.com?priority=urgent&subject=project%20x",
    })
    void rfc3261_19_1_4_equivalentUris(String a, String b) {
        assertTrue(Uri.parse(a).isEquivalent(Uri.parse(b)));
        assertTrue(Uri.parse(b).isEquivalent(Uri.parse(a)));
    }

    /** RFC 3261 §19.1.4: the examples of URIs that are not equivalent. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SIP:ALICE@AtLanTa.CoM;Transport=udp | sip:alice@AtLanTa.CoM;Transport=UDP",
        "sip:bob@biloxi.com | sip:bob@biloxi.com:5060",
        "sip:bob@biloxi.com | sip:bob@biloxi.com;transport=udp",
        "sip:bob@biloxi.com | sip:bob@biloxi.com:6000;transport=tcp",
        "sip:carol@chicago.com | sip:carol@chicago.com?Subject=next%20meeting",
        "sip:bob@phone21.boxesbybob.com | sip:bob@192.0.2.4",
        "sips:bob@biloxi.com | sip:bob@biloxi.com",
    })
    void rfc3261_19_1_4_differentUris(String a, String b) {
        assertFalse(Uri.parse(a).isEquivalent(Uri.parse(b)));
    }

    @Test
    void userPasswordHostPortParamsAndHeadersAreSeparated() {
        SipUri u = SipUri.parse("sips:alice:secret@[2001:db8::1]:5061;transport=tls;lr?subject=hi%20there");
        assertTrue(u.secure());
        assertEquals("alice", u.user());
        assertEquals("secret", u.password());
        assertEquals("2001:db8::1", u.host());
        assertEquals(5061, u.port());
        assertEquals("tls", u.transport().orElseThrow());
        assertTrue(u.isLooseRouter());
        assertEquals("hi there", u.headers().get("subject").orElseThrow());
        assertEquals("sips:alice:secret@[2001:db8::1]:5061;transport=tls;lr?subject=hi%20there", u.toString());
    }

    @Test
    void escapingIsUndoneOnceAndRedoneOnlyWhereNeeded() {
        SipUri u = SipUri.parse("sip:%61l%69ce%20x@example.com");
        assertEquals("alice x", u.user());
        assertEquals("sip:alice%20x@example.com", u.toString());
        assertNull(SipUri.parse("sip:example.com").user());
    }

    @Test
    void telUriKeepsNumberAndComparesWithoutVisualSeparators() {
        TelUri t = assertInstanceOf(TelUri.class, Uri.parse("tel:+1-201-555-0123;ext=42"));
        assertTrue(t.isGlobal());
        assertEquals("42", t.params().get("ext").orElseThrow());
        assertTrue(t.isEquivalent(Uri.parse("tel:+1.201.555.0123;EXT=42")));
        assertFalse(t.isEquivalent(Uri.parse("tel:+1-201-555-0124;ext=42")));
    }

    @ParameterizedTest
    @CsvSource({
        "sip:",
        "sip:user@",
        "sip:@host",
        "sip:host:99999",
        "sip:host:port",
        "sip:[::1",
        "sip:[zz]",
        "sip:user@host;=x",
        "sip:user@host;a=",
        "sip:us er@host",
        "sip:user@host?x",
        "sip:%4",
        "tel:",
        "1abc:x",
        "nocolon",
    })
    void malformedUrisAreRejectedWithBadUri(String text) {
        SipParseException e = assertThrows(SipParseException.class, () -> Uri.parse(text));
        assertTrue(e.reason() == SipParseException.Reason.BAD_URI || e.reason() == SipParseException.Reason.BAD_PARAMETER,
                e.reason().toString());
    }
}
