package dev.parley.sip.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** What "semantically equal" means for round trips: same start line, headers and body. */
final class Semantics {

    private Semantics() {
    }

    static List<SipHeader> canonicalHeaders(SipMessage m) {
        return m.headers().stream()
                .filter(h -> !HeaderNames.same(h.name(), HeaderNames.CONTENT_LENGTH))
                .map(h -> new SipHeader(h.canonicalName(), h.value()))
                .toList();
    }

    static void assertSameMessage(SipMessage expected, SipMessage actual) {
        assertEquals(expected.getClass(), actual.getClass());
        if (expected instanceof SipRequest e) {
            SipRequest a = (SipRequest) actual;
            assertEquals(e.method(), a.method());
            assertEquals(e.requestUriText(), a.requestUriText());
        } else {
            SipResponse e = (SipResponse) expected;
            SipResponse a = (SipResponse) actual;
            assertEquals(e.statusCode(), a.statusCode());
            assertEquals(e.reasonPhrase(), a.reasonPhrase());
        }
        assertEquals(expected.version(), actual.version());
        assertEquals(canonicalHeaders(expected), canonicalHeaders(actual));
        assertArrayEquals(expected.body(), actual.body());
    }

    /** parse(serialize(m)) equals m, in long and compact form. */
    static void assertRoundTrips(SipMessage m) {
        for (HeaderForm form : HeaderForm.values()) {
            byte[] wire = m.toBytes(form);
            assertEquals(wire.length, m.encodedLength(form));
            assertSameMessage(m, new SipParser().parse(wire));
        }
    }
}
