package dev.parley.ua.internal.phone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.ua.TransferProgress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The message/sipfrag status lines of REFER's NOTIFYs (RFC 3420, RFC 3515 §2.4.5). */
class SipFragTest {

    private static Optional<TransferProgress> parse(String body, boolean terminated) {
        return SipFrag.parse(body.getBytes(StandardCharsets.UTF_8), terminated);
    }

    @Test
    void statusLine_isWrittenAsRfc3515Shows() {
        assertArrayEquals("SIP/2.0 100 Trying\r\n".getBytes(StandardCharsets.US_ASCII), SipFrag.statusLine(100, "Trying"));
    }

    @Test
    void provisional_isNotFinished_unlessTheSubscriptionEnded() {
        assertEquals(Optional.of(new TransferProgress(100, "Trying", false)), parse("SIP/2.0 100 Trying\r\n", false));
        assertEquals(Optional.of(new TransferProgress(180, "Ringing", true)), parse("SIP/2.0 180 Ringing\r\n", true));
    }

    @Test
    void finalStatus_isFinished_headersAfterTheStatusLineIgnored() {
        assertEquals(Optional.of(new TransferProgress(200, "OK", true)),
                parse("SIP/2.0 200 OK\r\nContact: <sip:carol@192.0.2.4>\r\n\r\n", false));
        assertEquals(Optional.of(new TransferProgress(486, "Busy Here", true)), parse("SIP/2.0 486 Busy Here\n", false));
        assertEquals(Optional.of(new TransferProgress(503, "", true)), parse("SIP/2.0 503", false), "Lenient: no reason, no CRLF");
    }

    @Test
    void notAStatusLine_isRefused() {
        for (String bad : new String[] {"", "INVITE sip:bob@example.com SIP/2.0\r\n", "SIP/2.0 20 OK\r\n",
                "SIP/2.0 2x0 OK\r\n", "SIP/2.0 099 Low\r\n", "SIP/2.0 700 High\r\n", "SIP/2.0 2000 OK\r\n",
                "SIP/3.0 200 OK\r\n", "HTTP/1.1 200 OK\r\n"}) {
            assertEquals(Optional.empty(), parse(bad, true), bad);
        }
        assertEquals(Optional.empty(), parse("SIP/2.0 200 OK\r\n" + "x".repeat(2000), true), "oversized bodies are not read");
    }

    @Test
    void contentType_versionParameterAndCaseIgnored() {
        assertTrue(SipFrag.isSipFrag(Optional.of("message/sipfrag;version=2.0")));
        assertTrue(SipFrag.isSipFrag(Optional.of("Message/SIPfrag")));
        assertTrue(!SipFrag.isSipFrag(Optional.of("text/plain")) && !SipFrag.isSipFrag(Optional.empty()));
    }

    /** Seeded mutations (bit flips, truncations, splices): only a value or empty comes out, never an exception. */
    @Test
    void fuzz_mutatedFragments_neverThrow_andWhatParsesIsAValidStatus() {
        SplittableRandom random = new SplittableRandom(3420);
        byte[][] seeds = {SipFrag.statusLine(200, "OK"), SipFrag.statusLine(486, "Busy Here"),
                "SIP/2.0 180 Ringing\r\nTo: <sip:a@b>\r\n".getBytes(StandardCharsets.UTF_8)};
        for (int i = 0; i < 50_000; i++) {
            byte[] b = seeds[random.nextInt(seeds.length)].clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                switch (random.nextInt(3)) {
                    case 0 -> b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                    case 1 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length + 1));
                    default -> {
                        byte[] other = seeds[random.nextInt(seeds.length)];
                        int at = b.length == 0 ? 0 : random.nextInt(b.length);
                        byte[] spliced = java.util.Arrays.copyOf(b, at + other.length);
                        System.arraycopy(other, 0, spliced, at, other.length);
                        b = spliced;
                    }
                }
                if (b.length == 0) {
                    break;
                }
            }
            Optional<TransferProgress> p = SipFrag.parse(b, random.nextBoolean());
            p.ifPresent(v -> assertTrue(v.statusCode() >= 100 && v.statusCode() <= 699 && (v.statusCode() < 200 || v.finished())));
        }
    }
}
