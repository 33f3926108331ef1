package dev.parley.sip.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.sip.message.SipParseException.Reason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Near-limit inputs built to hit the expensive paths (long lists, many parameters, quotes,
 * angle brackets): each ends in a result or the typed error. Together with the fuzzer's
 * slow-input detector this guards the linear-time promise.
 */
class PathologicalInputTest {

    static final SipParser LONG_LINES = new SipParser(ParserLimits.DEFAULT.withMaxLineBytes(64 * 1024));

    static SipMessage message(String header) {
        String text = "OPTIONS sip:a@b SIP/2.0\r\n" + ParseErrorTest.HEAD.replaceAll("(?m)^" + header.substring(0, header.indexOf(':')) + ":.*\r\n", "")
                + header + "\r\n\r\n";
        return LONG_LINES.parse(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void sixtyThousandCommasInVia_emptyElementsAreRejected() {
        SipMessage m = message("Via: SIP/2.0/UDP h;branch=z9hG4bK1" + ",".repeat(60_000));
        assertEquals(Reason.BAD_VIA, assertThrows(SipParseException.class, m::vias).reason());
        assertEquals("z9hG4bK1", m.topVia().branch().orElseThrow());
    }

    @Test
    void thousandsOfViaValuesAndParameters_parseCompletely() {
        SipMessage many = message("Via: " + "SIP/2.0/UDP h;branch=z9hG4bK1, ".repeat(1_500) + "SIP/2.0/UDP last");
        assertEquals(1_501, many.vias().size());
        SipMessage params = message("Via: SIP/2.0/UDP h;branch=z9hG4bK1" + ";p".repeat(20_000));
        assertEquals(20_001, params.topVia().params().size());
    }

    @Test
    void quotesAndAngleBracketsWithoutEnd_areTypedErrors() {
        assertEquals(Reason.UNCLOSED_QUOTE,
                assertThrows(SipParseException.class, () -> message("From: \"" + "\\\"".repeat(20_000)).from()).reason());
        assertEquals(Reason.BAD_NAME_ADDR,
                assertThrows(SipParseException.class, () -> message("From: " + "<".repeat(50_000)).from()).reason());
        assertThrows(SipParseException.class, () -> message("Contact: " + "<sip:a@b>;".repeat(5_000)).contacts());
    }

    @Test
    void manyHeaderLinesOrLongLines_hitTheLimitsNotTheHeap() {
        byte[] lines = ("OPTIONS sip:a@b SIP/2.0\r\n" + "X: y\r\n".repeat(10_000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        assertEquals(Reason.TOO_MANY_HEADERS, assertThrows(SipParseException.class, () -> new SipParser().parse(lines)).reason());
        byte[] longLine = ("OPTIONS sip:a@b SIP/2.0\r\nX: " + "y".repeat(60_000) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        assertEquals(Reason.LINE_TOO_LONG, assertThrows(SipParseException.class, () -> new SipParser().parse(longLine)).reason());
    }
}
