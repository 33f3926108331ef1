package dev.parley.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReceiverStatisticsTest {

    private static final long MS = 1_000_000L;

    @Test
    void probation_needsTwoSequentialPackets() {
        ReceiverStatistics s = new ReceiverStatistics(1, 8000, 100);
        assertFalse(s.updateSequence(100));
        assertFalse(s.valid());
        assertTrue(s.updateSequence(101));
        assertTrue(s.valid());
        ReceiverStatistics t = new ReceiverStatistics(1, 8000, 100);
        assertFalse(t.updateSequence(100));
        assertFalse(t.updateSequence(105), "out of sequence restarts probation");
        assertTrue(t.updateSequence(106));
    }

    @Test
    void extendedSequence_countsCyclesAcrossWrap_andLossIsExpectedMinusReceived() {
        ReceiverStatistics s = new ReceiverStatistics(1, 8000, 65_530);
        for (int seq = 65_530; seq < 65_536 + 21; seq++) {
            if (seq % 7 != 0 || seq < 65_532) { // lose some after probation
                s.updateSequence(seq & 0xFFFF);
            }
        }
        assertEquals(65_536 + 20, s.extendedHighestSequence());
        long lost = 0;
        for (int seq = 65_532; seq < 65_536 + 21; seq++) {
            lost += seq % 7 == 0 ? 1 : 0;
        }
        assertEquals(lost, s.cumulativeLost());
    }

    @Test
    void duplicates_makeCumulativeLostNegative_andFractionIsZero() {
        ReceiverStatistics s = new ReceiverStatistics(1, 8000, 0);
        for (int seq = 0; seq < 10; seq++) {
            s.updateSequence(seq);
        }
        s.updateSequence(5);
        s.updateSequence(6);
        assertEquals(-2, s.cumulativeLost());
        assertEquals(0, s.report(0).fractionLost());
    }

    @Test
    void fractionLost_isPerReportInterval() {
        ReceiverStatistics s = new ReceiverStatistics(9, 8000, 0);
        for (int seq = 0; seq < 102; seq++) {
            if (seq < 2 || seq % 4 != 0) {
                s.updateSequence(seq);
            }
        }
        ReportBlock first = s.report(0);
        // Probation ends at 1 (the base); 101 expected (1..101), 25 of them lost.
        assertEquals(25 * 256 / 101, first.fractionLost());
        for (int seq = 102; seq < 202; seq++) {
            s.updateSequence(seq);
        }
        assertEquals(0, s.report(0).fractionLost(), "nothing lost in the second interval");
        assertEquals(first.cumulativeLost(), s.report(0).cumulativeLost());
    }

    @Test
    void sequenceRestart_isAcceptedAfterTwoPacketsInARow() {
        ReceiverStatistics s = new ReceiverStatistics(1, 8000, 0);
        s.updateSequence(0);
        s.updateSequence(1);
        assertFalse(s.updateSequence(40_000), "a single huge jump is held back");
        assertTrue(s.updateSequence(40_001), "the next in sequence confirms the restart");
        assertEquals(40_001, s.extendedHighestSequence());
    }

    @Test
    void jitter_followsAppendixA8() {
        ReceiverStatistics s = new ReceiverStatistics(1, 8000, 0);
        // Packets every 20 ms (160 units); alternate arrivals are 10 ms (80 units) late.
        for (int i = 0; i < 2000; i++) {
            s.onPacket(i, i * 160, i * 20 * MS + (i % 2 == 1 ? 10 * MS : 0));
        }
        // |D| is always 80 units, so J converges to 80.
        assertEquals(80, s.jitter(), 1);
    }

    @Test
    void roundTrip_isArrivalMinusLsrMinusDlsr() {
        // RFC 3550 §6.4.1 example: A = 0xb710:8000, LSR = 0xb705:2000, DLSR = 5.250 s.
        ReportBlock block = new ReportBlock(1, 0, 0, 0, 0, 0xb7052000, 0x00054000);
        long rtt = ReceiverStatistics.roundTripNanos(block, 0xb7108000);
        assertEquals(6_125_000_000L, rtt, 100_000L);
        assertEquals(-1, ReceiverStatistics.roundTripNanos(new ReportBlock(1, 0, 0, 0, 0, 0, 0), 5));
    }

    @Test
    void reportBlock_carriesLsrAndDlsrOfTheLastSenderReport() {
        ReceiverStatistics s = new ReceiverStatistics(1, 8000, 0);
        s.updateSequence(0);
        s.updateSequence(1);
        s.onSenderReport(0x0001_2345_6789_0000L, 1_000 * MS);
        ReportBlock b = s.report(1_500 * MS);
        assertEquals(0x2345_6789, b.lastSr());
        assertEquals(32_768, b.delaySinceLastSr(), "0.5 s in 1/65536 s");
    }
}
