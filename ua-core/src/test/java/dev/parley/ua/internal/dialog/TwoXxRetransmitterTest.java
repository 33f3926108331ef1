package dev.parley.ua.internal.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sip.transaction.TimerConfig;
import dev.parley.sip.transaction.VirtualTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TwoXxRetransmitterTest {

    @Test
    void twoXx_retransmittedAtT1DoublingToT2_untilGiveUpAt64T1() {
        VirtualTime time = new VirtualTime();
        List<Long> sends = new ArrayList<>();
        long[] gaveUp = {-1};
        new TwoXxRetransmitter(time, TimerConfig.DEFAULT, false, () -> sends.add(time.now()),
                () -> gaveUp[0] = time.now());
        time.advance(40_000);
        // RFC 3261 §13.3.1.4: intervals 0.5, 1, 2, 4, 4, 4… s after the first send at 0.
        assertEquals(List.of(500L, 1500L, 3500L, 7500L, 11500L, 15500L, 19500L, 23500L, 27500L, 31500L), sends);
        assertEquals(32_000, gaveUp[0], "RFC 3261 §13.3.1.4: give up after 64*T1");
        assertEquals(0, time.pendingTimers());
    }

    @Test
    void ack_stopsRetransmissions_andLeavesNoTimer() {
        VirtualTime time = new VirtualTime();
        List<Long> sends = new ArrayList<>();
        boolean[] gaveUp = {false};
        TwoXxRetransmitter r = new TwoXxRetransmitter(time, TimerConfig.DEFAULT, false, () -> sends.add(time.now()),
                () -> gaveUp[0] = true);
        time.advance(2000);
        r.acknowledged();
        time.advance(40_000);
        assertEquals(List.of(500L, 1500L), sends);
        assertEquals(false, gaveUp[0]);
        assertEquals(0, time.pendingTimers());
    }

    @Test
    void reliableTransport_sendsOnce_butStillGivesUpWithoutAck() {
        VirtualTime time = new VirtualTime();
        List<Long> sends = new ArrayList<>();
        long[] gaveUp = {-1};
        new TwoXxRetransmitter(time, TimerConfig.DEFAULT, true, () -> sends.add(time.now()), () -> gaveUp[0] = time.now());
        time.advance(40_000);
        assertEquals(List.of(), sends);
        assertEquals(32_000, gaveUp[0]);
    }

    @Property(tries = 200)
    void glareRetry_ownerWaits2100To4000ms_otherSide0To2000ms_in10msUnits(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long owner = GlareTimer.retryDelayMillis(true, random);
        long other = GlareTimer.retryDelayMillis(false, random);
        assertTrue(owner >= 2100 && owner <= 4000 && owner % 10 == 0, "owner " + owner);
        assertTrue(other >= 0 && other <= 2000 && other % 10 == 0, "other " + other);
    }
}
