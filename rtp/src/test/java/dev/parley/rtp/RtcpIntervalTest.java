package dev.parley.rtp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RtcpIntervalTest {

    @Test
    void twoPartyCall_usesTheFiveSecondMinimum_randomizedAndCompensated() {
        RtcpInterval interval = new RtcpInterval(100);
        SplittableRandom rnd = new SplittableRandom(1);
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 0; i < 10_000; i++) {
            long t = interval.next(2, 2, 500, true, false, 5_000_000_000L, rnd);
            min = Math.min(min, t / 1e9);
            max = Math.max(max, t / 1e9);
        }
        // RFC 3550 §6.3.1: [0.5, 1.5] × 5 s / (e − 3/2) = [2.05, 6.16] s
        assertTrue(min >= 2.05 && min < 2.1, "min " + min);
        assertTrue(max <= 6.16 && max > 6.1, "max " + max);
        long first = interval.next(2, 2, 500, true, true, 5_000_000_000L, rnd);
        assertTrue(first <= 3.08e9, "first report uses half the minimum");
    }

    @Test
    void largeSession_scalesWithMembersAndPacketSize() {
        RtcpInterval interval = new RtcpInterval(200);
        SplittableRandom rnd = new SplittableRandom(2);
        // 1000 receivers, 1 sender, 500 B/s: receivers share 75%: 228 B × 999 / 375 ≈ 607 s
        long t = interval.next(1000, 1, 500, false, false, 5_000_000_000L, rnd);
        assertTrue(t / 1e9 > 600 * 0.5 / (Math.E - 1.5) && t / 1e9 < 610 * 1.5 / (Math.E - 1.5), "t " + t / 1e9);
    }
}
