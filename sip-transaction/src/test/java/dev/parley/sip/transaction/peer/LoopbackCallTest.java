package dev.parley.sip.transaction.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.sip.transport.InMemoryNetwork;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * Whole calls (INVITE, 200, ACK, BYE, 200) between two stacks over the in-memory network, with
 * loss, duplication and reordering, in virtual time.
 */
class LoopbackCallTest {

    @Test
    void perfectNetwork_everyCallCompletesAndNothingLeaks() {
        LoopbackPair p = new LoopbackPair(1, 0);
        p.placeCalls(50, 20);
        p.time.advance(60_000);
        assertEquals(50, p.uac.completed());
        assertEquals(0, p.uac.failed());
        assertEquals(50, p.uas.answered());
        assertEquals(50, p.uas.acked());
        assertEquals(50, p.uas.byes());
        assertEquals(0, p.uacStack.layer().size());
        assertEquals(0, p.uasStack.layer().size());
        assertEquals(0, p.time.pendingTimers());
        assertEquals(0, p.uasStack.malformedDropped() + p.uacStack.malformedDropped());
    }

    @Test
    void tenPercentLossDuplicatesAndReordering_everyCallStillCompletes() {
        LoopbackPair p = new LoopbackPair(42, 100);
        p.network.impair(new InMemoryNetwork.Impairments(0.10, 0.05, 0, 80));
        p.placeCalls(200, 10);
        p.time.advance(120_000);
        assertEquals(200, p.uac.completed(), "completed; failed=" + p.uac.failed());
        assertEquals(0, p.uac.failed());
        assertEquals(0, p.uas.ackTimeouts());
        assertEquals(0, p.uacStack.layer().size() + p.uasStack.layer().size());
        assertEquals(0, p.time.pendingTimers());
    }

    @Test
    void dropFirstTwoInvites_callCompletesOnTheThirdTransmissionAt1500ms() {
        LoopbackPair p = new LoopbackPair(7, 0);
        int[] invites = {0};
        long[] arrived = {-1};
        p.network.filter((from, to, d) -> {
            if (new String(d, 0, 7, java.nio.charset.StandardCharsets.US_ASCII).equals("INVITE ")) {
                return ++invites[0] <= 2 ? InMemoryNetwork.Fate.DROP : InMemoryNetwork.Fate.DELIVER;
            }
            return null;
        });
        p.network.tap((at, from, to, d, fate) -> {
            if (to.equals(LoopbackPair.UAS) && fate == InMemoryNetwork.Fate.DELIVER && invites[0] == 3 && arrived[0] < 0) {
                arrived[0] = at;
            }
        });
        p.placeCalls(1, 0);
        p.time.advance(10_000);
        assertEquals(1, p.uac.completed());
        assertEquals(1500, arrived[0]);
    }

    @Property(tries = 30)
    void anyImpairment_everyCallEndsOnceAndAllStateIsReleased(@ForAll long seed,
                                                              @ForAll @DoubleRange(min = 0, max = 0.5) double loss,
                                                              @ForAll @DoubleRange(min = 0, max = 0.3) double duplicates) {
        LoopbackPair p = new LoopbackPair(seed, 0);
        p.network.impair(new InMemoryNetwork.Impairments(loss, duplicates, 0, 200));
        p.placeCalls(20, 50);
        p.time.advance(200_000);
        assertEquals(20, p.uac.completed() + p.uac.failed());
        assertEquals(0, p.uacStack.layer().size() + p.uasStack.layer().size());
        assertEquals(0, p.uas.awaitingAck());
        assertEquals(0, p.time.pendingTimers());
    }
}
