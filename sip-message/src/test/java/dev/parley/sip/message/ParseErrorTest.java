package dev.parley.sip.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sip.message.SipParseException.Reason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table of malformed inputs and the reason each must be rejected with. */
class ParseErrorTest {

    static final String HEAD = "Via: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>\r\n"
            + "Call-ID: x@y\r\nCSeq: 1 OPTIONS\r\n";

    static SipParseException reject(String text) {
        byte[] b = text.replace("\\r\\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        return assertThrows(SipParseException.class, () -> new SipParser().parse(b).validate());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "EMPTY_MESSAGE         | \\r\\n\\r\\n",
        "BAD_START_LINE        | OPTIONS sip:a@b\\r\\n",
        "BAD_METHOD            | OPT{ONS sip:a@b SIP/2.0\\r\\n",
        "BAD_VERSION           | OPTIONS sip:a@b SIP/2\\r\\n",
        "BAD_VERSION           | SIP/x.0 200 OK\\r\\n",
        "BAD_STATUS_CODE       | SIP/2.0 20 OK\\r\\n",
        "BAD_STATUS_CODE       | SIP/2.0 700 Odd\\r\\n",
        "BAD_STATUS_CODE       | SIP/2.0 2000 OK\\r\\n",
        "BAD_REQUEST_URI       | OPTIONS sip:a@b x SIP/2.0\\r\\n",
        "BAD_HEADER_LINE       | OPTIONS sip:a@b SIP/2.0\\r\\nNoColonHere\\r\\n\\r\\n",
        "BAD_HEADER_LINE       | OPTIONS sip:a@b SIP/2.0\\r\\n folded-first: x\\r\\n\\r\\n",
        "BAD_CONTENT_LENGTH    | OPTIONS sip:a@b SIP/2.0\\r\\nContent-Length: 1x\\r\\n\\r\\n",
        "BAD_CONTENT_LENGTH    | OPTIONS sip:a@b SIP/2.0\\r\\nContent-Length: 99999999999\\r\\n\\r\\n",
        "BODY_TRUNCATED        | OPTIONS sip:a@b SIP/2.0\\r\\nContent-Length: 5\\r\\n\\r\\nab",
    })
    void framingErrors(Reason reason, String text) {
        assertEquals(reason, reject(text).reason());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "BAD_VIA               | Via: SIP/2.0 h",
        "BAD_VIA               | Via: SIP/2.0/UDP",
        "BAD_VIA               | Via: SIP/2.0/UDP h:port",
        "BAD_PARAMETER         | Via: SIP/2.0/UDP h;ttl=999x",
        "NUMBER_OUT_OF_RANGE   | Via: SIP/2.0/UDP h;ttl=256",
        "NUMBER_OUT_OF_RANGE   | Via: SIP/2.0/UDP h:70000",
        "BAD_CSEQ              | CSeq: OPTIONS",
        "NUMBER_OUT_OF_RANGE   | CSeq: 4294967296 OPTIONS",
        "BAD_CALL_ID           | Call-ID: has space",
        "UNCLOSED_QUOTE        | From: \"Bob <sip:a@b>",
        "BAD_NAME_ADDR         | From: <sip:a@b",
        "NUMBER_OUT_OF_RANGE   | Max-Forwards: 256",
        "BAD_PARAMETER         | Contact: <sip:a@b>;q=2",
        "DUPLICATE_HEADER      | Call-ID: second@y",
    })
    void headerErrors(Reason reason, String extraHeader) {
        String name = extraHeader.substring(0, extraHeader.indexOf(':'));
        String head = HEAD;
        if (!name.equals("Call-ID") || reason != Reason.DUPLICATE_HEADER) {
            head = head.replaceAll("(?m)^" + name + ":.*\r\n", "");
        }
        SipParseException e = reject("OPTIONS sip:a@b SIP/2.0\r\n" + head + extraHeader + "\r\n\r\n");
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.salvaged().isPresent());
    }

    @Test
    void errorCarriesOffsetLineAndExcerpt() {
        SipParseException e = reject("OPTIONS sip:a@b SIP/2.0\r\n" + HEAD + "Max-Forwards: 9x\r\n\r\n");
        assertEquals(Reason.BAD_HEADER_VALUE, e.reason());
        assertEquals(7, e.line());
        String text = "OPTIONS sip:a@b SIP/2.0\r\n" + HEAD;
        assertEquals(text.length() + "Max-Forwards: 9".length(), e.offset());
        assertTrue(e.excerpt().contains("9x"), e.excerpt());
        assertEquals(0, e.getStackTrace().length);
    }

    @Test
    void limitsBoundSizeHeadersAndLines() {
        ParserLimits small = ParserLimits.DEFAULT.withMaxMessageBytes(100).withMaxHeaders(2).withMaxLineBytes(40);
        SipParser parser = new SipParser(small);
        byte[] big = ("OPTIONS sip:a@b SIP/2.0\r\nX: " + "y".repeat(200) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        assertEquals(Reason.MESSAGE_TOO_LARGE, assertThrows(SipParseException.class, () -> parser.parse(big)).reason());
        byte[] many = "OPTIONS sip:a@b SIP/2.0\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(Reason.TOO_MANY_HEADERS, assertThrows(SipParseException.class, () -> parser.parse(many)).reason());
        byte[] longLine = ("OPTIONS sip:a@b SIP/2.0\r\nX: " + "y".repeat(50) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        assertEquals(Reason.LINE_TOO_LONG, assertThrows(SipParseException.class, () -> parser.parse(longLine)).reason());
    }

    @Test
    void lenientForms_lfOnlyLineEndsFoldingAndLeadingCrlf() {
        String text = "\r\nOPTIONS sip:a@b SIP/2.0\n" + HEAD.replace("\r\n", "\n").replace("CSeq: 1 OPTIONS", "CSeq: 1\n  OPTIONS")
                + "Content-Length: 2\n\nhi";
        SipMessage m = new SipParser().parse(text.getBytes(StandardCharsets.US_ASCII)).validate();
        assertEquals(new CSeq(1, "OPTIONS"), m.cseq());
        assertEquals("1 OPTIONS", m.header("CSeq").orElseThrow());
        assertEquals("hi", m.bodyAsString());
    }
}
