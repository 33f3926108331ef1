package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import dev.parley.ua.SipPacket;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LadderPrinterTest {

    private static final Endpoint ME = Endpoint.of(TransportKind.UDP, "127.0.0.1", 5062);
    private static final Endpoint PROXY = Endpoint.of(TransportKind.UDP, "127.0.0.1", 5070);
    private static final String RINGING = String.join("\r\n",
            "SIP/2.0 180 Ringing",
            "Via: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bK1",
            "From: <sip:alice@parley.test>;tag=1",
            "To: <sip:bob@parley.test>;tag=2",
            "Call-ID: 8f3c21a0b9d4@127.0.0.1",
            "CSeq: 1 INVITE",
            "Content-Length: 0", "", "");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final long[] now = {1_000};
    private final LadderPrinter printer = new LadderPrinter(new PrintStream(out, true, StandardCharsets.UTF_8), "alice",
            Map.of("127.0.0.1:5070", "proxy"), () -> now[0]);

    @Test
    void incomingResponse_pointsLeftWithStatusShortCallIdAndNamedPeer() {
        now[0] = 1_250;
        printer.onSipPacket(new SipPacket(false, ME, PROXY, RINGING.getBytes(StandardCharsets.US_ASCII)));
        String line = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(line.startsWith("+0.250s  alice ◀──── 180 Ringing [8f3c21a0] "), line);
        assertTrue(line.endsWith("─ proxy 127.0.0.1:5070"), line);
    }

    @Test
    void arrowsHaveOneWidthWhateverTheLabel() {
        String a = printer.line(new SipPacket(true, ME, PROXY, RINGING.getBytes(StandardCharsets.US_ASCII)));
        String b = printer.line(new SipPacket(true, ME, PROXY, "garbage".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(a.indexOf('▶'), b.indexOf('▶'), a + "\n" + b);
    }

    @Test
    void malformedDatagram_isShownNotThrown() {
        assertTrue(printer.label("garbage".getBytes(StandardCharsets.US_ASCII)).startsWith("malformed, 7 bytes ("));
    }
}
