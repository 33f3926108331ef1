package dev.parley.ua.internal.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.ua.DtmfEvent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The application/dtmf-relay body of SIP INFO: what is understood and what is refused. */
class DtmfRelayTest {

    private static Optional<DtmfEvent> parse(String body) {
        return DtmfRelay.parse(body.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void signalAndDuration_areRead_caseAndSpacesIgnored() {
        assertEquals(Optional.of(new DtmfEvent('5', 160)), parse("Signal=5\r\nDuration=160\r\n"));
        assertEquals(Optional.of(new DtmfEvent('#', 80)), parse("signal = #\nDURATION= 80"));
        assertEquals(Optional.of(new DtmfEvent('B', 100)), parse("Signal=b\r\nDuration=100\r\n"));
    }

    @Test
    void lenient_eventNumbers10And11_andAMissingDurationOf250() {
        assertEquals(Optional.of(new DtmfEvent('*', 250)), parse("Signal=10\r\n"));
        assertEquals(Optional.of(new DtmfEvent('#', 250)), parse("Signal=11\r\n"));
    }

    @Test
    void noSignal_badSignal_badDuration_orHugeBody_areRefused() {
        assertEquals(Optional.empty(), parse("Duration=100\r\n"));
        assertEquals(Optional.empty(), parse("Signal=x\r\nDuration=100\r\n"));
        assertEquals(Optional.empty(), parse("Signal=1\r\nDuration=-5\r\n"));
        assertEquals(Optional.empty(), parse("Signal=1\r\nDuration=99999999999\r\n"));
        assertEquals(Optional.empty(), parse("Signal=1\r\n" + "x".repeat(600)));
        assertEquals(Optional.empty(), parse(""));
    }

    @Test
    void randomBodies_neverThrow() {
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "Signal=Duration0123456789*#x \r\n=-";
        for (int i = 0; i < 100_000; i++) {
            byte[] body = new byte[random.nextInt(40)];
            for (int j = 0; j < body.length; j++) {
                body[j] = random.nextInt(4) == 0 ? (byte) random.nextInt(256)
                        : (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
            DtmfRelay.parse(body); // returns a digit or empty; any exception fails the test
        }
    }
}
