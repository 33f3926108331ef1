package dev.parley.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The adaptive buffer holds a missing frame instead of passing it (docs/jitter-buffer.md,
 * "Holding"): a straggler plays, a lost frame costs what concealing it did before, a delay spike's
 * packets are played instead of arriving late. Virtual time: frame {@code i} is sent at
 * {@code i × 20 ms}; ticks every 20 ms at a 10 ms phase.
 */
class JitterBufferHoldTest {

    private static final long MS = 1_000_000L;
    private static final int FIRST_TS = 0xFFFF_F000; // crosses the 32-bit wrap

    /** The outcome of one run: what each tick returned, and at which offset each frame played. */
    private record Run(List<String> ticks, long[] playOffsetMs, JitterBufferStats stats) {
        int tickOf(String what) {
            return ticks.indexOf(what);
        }
    }

    /** Plays frames {@code 0..delaysMs.length-1}, frame i arriving {@code delaysMs[i]} after its send time (-1: lost). */
    private static Run run(long[] delaysMs) {
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.adaptive(8000, 20));
        List<long[]> arrivals = new ArrayList<>();
        for (int i = 0; i < delaysMs.length; i++) {
            if (delaysMs[i] >= 0) {
                arrivals.add(new long[] {i, (i * 20L + delaysMs[i]) * MS});
            }
        }
        arrivals.sort(Comparator.comparingLong(a -> a[1]));
        List<String> ticks = new ArrayList<>();
        long[] offsets = new long[delaysMs.length];
        int next = 0;
        for (int t = 0; t < delaysMs.length + 30; t++) {
            long now = (t * 20L + 10) * MS;
            while (next < arrivals.size() && arrivals.get(next)[1] <= now) {
                long[] a = arrivals.get(next++);
                int frame = (int) a[0];
                jb.put(FIRST_TS + frame * 160, frame == 0, new byte[] {(byte) frame, (byte) (frame >> 8)}, 0, 2, a[1]);
            }
            int r = jb.take(now);
            if (r == JitterBuffer.FRAME) {
                int frame = (jb.frame()[jb.frameOffset()] & 0xFF) | (jb.frame()[jb.frameOffset() + 1] & 0xFF) << 8;
                ticks.add(Integer.toString(frame));
                offsets[frame] = now / MS - frame * 20L;
            } else {
                ticks.add(r == JitterBuffer.CONCEAL ? "C" : "S");
            }
        }
        return new Run(ticks, offsets, jb.stats());
    }

    /** Every other packet 60 ms later than the others: the target settles at 66 ms, about three frames deep. */
    private static long[] alternating(int frames) {
        long[] d = new long[frames];
        for (int i = 0; i < frames; i++) {
            d[i] = i % 2 == 0 ? 3 : 63;
        }
        return d;
    }

    @Test
    void straggler_arrivingWithinTheHeldTick_isPlayed_notLate() {
        long[] d = alternating(400);
        Run steady = run(d);
        long offset = steady.playOffsetMs()[300];
        d[301] = offset + 15; // 15 ms after its tick
        Run r = run(d);
        assertEquals(0, r.stats().late(), r.stats().toString());
        assertEquals(0, r.stats().lost(), r.stats().toString());
        // Every frame played, or dropped while the delay shrank after the 120 ms start.
        assertEquals(400, r.stats().played() + r.stats().discarded());
        // Its tick is concealed (held), it plays at the next one: one frame later than scheduled.
        int at = r.tickOf("301");
        assertEquals(List.of("300", "C", "301", "302"), r.ticks().subList(at - 2, at + 2));
        assertEquals(offset + 20, r.playOffsetMs()[301]);
    }

    @Test
    void lostFrame_costsOneConcealedTick_andTheScheduleIsUnchanged() {
        long[] d = alternating(400);
        Run steady = run(d);
        d[301] = -1;
        Run r = run(d);
        int at = r.tickOf("302");
        assertEquals(List.of("300", "C", "302"), r.ticks().subList(at - 2, at + 1));
        assertEquals(steady.playOffsetMs()[302], r.playOffsetMs()[302], "frame 302 plays at its tick");
        assertEquals(steady.tickOf("302"), at);
        assertEquals(1, r.stats().lost());
        assertEquals(0, r.stats().late());
    }

    @Test
    void burstOfLostFrames_isConcealedFrameByFrame_andPlaybackResumesOnSchedule() {
        long[] d = alternating(400);
        Run steady = run(d);
        for (int i = 301; i <= 303; i++) {
            d[i] = -1;
        }
        Run r = run(d);
        int at = r.tickOf("304");
        assertEquals(List.of("300", "C", "C", "C", "304"), r.ticks().subList(at - 4, at + 1));
        assertEquals(steady.tickOf("304"), at);
        assertEquals(3, r.stats().lost());
    }

    @Test
    void delaySpike_onAnEmptyBuffer_isWaitedFor_noPacketLate() {
        long[] d = new long[600];
        java.util.Arrays.fill(d, 3);
        for (int i = 300; i < 330; i++) {
            d[i] = 153; // a 600 ms route change adding 150 ms
        }
        Run r = run(d);
        assertEquals(0, r.stats().late(), r.stats().toString());
        assertEquals(600, r.stats().played() + r.stats().discarded(), r.stats().toString());
        assertEquals(0, r.stats().lost());
        // Before the spike the buffer held about one frame (target 9 ms, shrink hysteresis 25 ms).
        assertTrue(r.playOffsetMs()[299] <= 40, "offset before the spike " + r.playOffsetMs()[299]);
        // The spike's frames play in order, from the first, after three concealed ticks and silence.
        int at = r.tickOf("300");
        assertEquals("299", r.ticks().get(r.tickOf("299")));
        assertEquals(List.of("C", "C", "C", "S"), r.ticks().subList(r.tickOf("299") + 1, r.tickOf("299") + 5));
        assertTrue(r.playOffsetMs()[300] >= 153 && r.playOffsetMs()[300] <= 153 + 20, "offset " + r.playOffsetMs()[300]);
        assertEquals(List.of("300", "301", "302"), r.ticks().subList(at, at + 3));
    }
}
