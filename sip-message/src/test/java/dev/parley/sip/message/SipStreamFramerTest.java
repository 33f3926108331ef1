package dev.parley.sip.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3261 §18.3 stream framing and RFC 5626 §3.5.1 keep-alives. */
class SipStreamFramerTest {

    static final byte[] A = ("OPTIONS sip:a@b SIP/2.0\r\n" + ParseErrorTest.HEAD + "Content-Length: 3\r\n\r\nabc")
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] B = ("SIP/2.0 200 OK\r\n" + ParseErrorTest.HEAD + "l: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    final List<SipMessage> got = new ArrayList<>();
    int pings;

    SipStreamFramer framer(ParserLimits limits) {
        return new SipStreamFramer(limits, new SipStreamFramer.Listener() {
            @Override
            public void onMessage(SipMessage message) {
                got.add(message);
            }

            @Override
            public void onPing() {
                pings++;
            }
        });
    }

    static byte[] stream(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void everySplitPointGivesTheSameMessages() {
        byte[] all = stream(A, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), B, "\r\n".getBytes(StandardCharsets.US_ASCII), A);
        for (int cut = 0; cut <= all.length; cut++) {
            got.clear();
            pings = 0;
            SipStreamFramer f = framer(ParserLimits.DEFAULT);
            f.feed(all, 0, cut);
            f.feed(all, cut, all.length - cut);
            assertEquals(3, got.size(), "cut at " + cut);
            assertEquals("abc", got.get(0).bodyAsString());
            assertEquals(200, ((SipResponse) got.get(1)).statusCode());
            assertEquals(1, pings, "one double-CRLF ping, one single-CRLF pong");
            assertEquals(0, f.buffered());
        }
    }

    @Test
    void oneByteAtATime() {
        SipStreamFramer f = framer(ParserLimits.DEFAULT);
        byte[] all = stream(A, B);
        for (byte b : all) {
            f.feed(new byte[] {b});
        }
        assertEquals(2, got.size());
    }

    @Test
    void missingContentLengthOnAStreamIsAnErrorAndPoisonsTheConnection() {
        SipStreamFramer f = framer(ParserLimits.DEFAULT);
        byte[] noLength = ("OPTIONS sip:a@b SIP/2.0\r\n" + ParseErrorTest.HEAD + "\r\n").getBytes(StandardCharsets.US_ASCII);
        SipParseException e = assertThrows(SipParseException.class, () -> f.feed(noLength));
        assertEquals(SipParseException.Reason.MISSING_CONTENT_LENGTH, e.reason());
        assertTrue(e.salvaged().isPresent());
        assertSame(e, assertThrows(SipParseException.class, () -> f.feed(A)));
    }

    @Test
    void memoryIsBoundedByTheMessageLimit() {
        SipStreamFramer f = framer(ParserLimits.DEFAULT.withMaxMessageBytes(1024));
        byte[] junk = ("OPTIONS sip:a@b SIP/2.0\r\nX: " + "y".repeat(100)).getBytes(StandardCharsets.US_ASCII);
        SipParseException e = assertThrows(SipParseException.class, () -> {
            for (int i = 0; i < 20; i++) {
                f.feed(junk);
            }
        });
        assertEquals(SipParseException.Reason.MESSAGE_TOO_LARGE, e.reason());
        assertTrue(f.buffered() <= 1024 + 4);
    }

    @Test
    void hugeContentLengthIsRejectedBeforeWaitingForTheBody() {
        SipStreamFramer f = framer(ParserLimits.DEFAULT);
        byte[] big = ("OPTIONS sip:a@b SIP/2.0\r\n" + ParseErrorTest.HEAD + "Content-Length: 999999\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(SipParseException.Reason.MESSAGE_TOO_LARGE, assertThrows(SipParseException.class, () -> f.feed(big)).reason());
    }
}
