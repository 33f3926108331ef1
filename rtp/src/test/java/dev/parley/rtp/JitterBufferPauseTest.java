package dev.parley.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 5: a pause in sending (hold, silence suppression, a re-INVITE changing the source) followed
 * by packets whose RTP timestamp jumped ahead must re-synchronise playout to the new talkspurt, not
 * play the gap as lost frames. Virtual time: packets every 20 ms with 40 ms one-way delay, a tick
 * every 20 ms.
 */
class JitterBufferPauseTest {

    private static final long MS = 1_000_000L;
    private static final int UNITS = 160;
    private static final int FIRST_TS = 0xFFFF_F000; // crosses the 32-bit wrap during the call
    private static final byte[] PAYLOAD = new byte[160];

    /**
     * Streams 5 s, pauses {@code pauseMs} (timestamps advance with the clock, RFC 3550 §5.1), then
     * streams 5 s more, the first packet with or without the marker. {@code ticksDuringPause}: the
     * receiver keeps ticking (a peer pause, silence suppression) or stops (our own hold: the
     * session neither receives nor plays while it is sendonly).
     */
    private static JitterBufferStats run(int pauseMs, boolean marker, boolean ticksDuringPause, long[] delayAfter) {
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.adaptive(8000, 20));
        int frames = 250;
        int pauseFrames = pauseMs / 20;
        long tick = 0;
        int resumeFrame = frames + pauseFrames;
        int resumeTick = -1;
        for (int t = 0; t < 2 * frames + pauseFrames + 20; t++) {
            long now = t * 20 * MS;
            boolean paused = t >= frames && t < resumeFrame;
            // The packet of frame t left at t × 20 ms and arrives 40 ms later (before the tick of t + 2).
            if (!paused && t < 2 * frames + pauseFrames) {
                jb.put(FIRST_TS + t * UNITS, t == 0 || (t == resumeFrame && marker), PAYLOAD, 0, PAYLOAD.length,
                        now + 40 * MS);
            }
            if (paused && !ticksDuringPause) {
                continue;
            }
            // The tick comes just after the packet of the same instant arrived.
            int r = jb.take(now + 41 * MS);
            if (t >= resumeFrame && r == JitterBuffer.FRAME && resumeTick < 0) {
                resumeTick = t;
            }
            if (resumeTick >= 0 && t - resumeTick < delayAfter.length && r == JitterBuffer.FRAME) {
                delayAfter[t - resumeTick] = jb.stats().currentDelayNanos();
            }
            tick++;
        }
        assertTrue(resumeTick >= 0, "playout resumed");
        assertTrue(resumeTick - resumeFrame <= 8, "first frame after the pause played within 8 ticks, took "
                + (resumeTick - resumeFrame));
        return jb.stats();
    }

    @ParameterizedTest(name = "pause {0} ms, marker {1}, receiver ticking {2}")
    @CsvSource({
        "500, true, true", "1000, true, true", "1500, true, true", "3000, true, true",
        "500, false, true", "1000, false, true", "1500, false, true", "3000, false, true",
        "500, true, false", "1000, true, false", "1500, true, false", "3000, true, false",
        "500, false, false", "1000, false, false", "1500, false, false", "3000, false, false",
    })
    void afterPause_playoutResynchronisesToNewTalkspurt_withoutLossOrExtraDelay(int pauseMs, boolean marker,
            boolean ticking) {
        long[] delays = new long[10];
        JitterBufferStats s = run(pauseMs, marker, ticking, delays);
        long target = s.targetDelayNanos();
        // No packet was lost: the gap is silence, not loss; nothing late either.
        assertEquals(0, s.lost(), "lost " + s);
        assertEquals(0, s.late(), "late " + s);
        // Within a few frames after resume the added delay is back near the target (one frame and
        // a bit of tick granularity above it at most), not ~1 s behind.
        for (int i = 3; i < delays.length; i++) {
            assertTrue(delays[i] <= target + 25 * MS + 40 * MS, "frame " + i + " after resume waited "
                    + delays[i] / MS + " ms, target " + target / MS + " ms; " + s);
        }
        assertTrue(s.currentDelayNanos() <= 120 * MS, "delay at the end " + s.currentDelayNanos() / MS + " ms");
        // Before the pause at most the 3 underrun frames are concealed when the receiver ticks.
        assertTrue(s.concealed() <= 3 + 8, "concealed " + s.concealed());
    }

    @org.junit.jupiter.api.Test
    void timestampJumpAheadWithoutPauseOrMarker_startsNewTalkspurt_notThirtyConcealedFrames() {
        // A re-INVITE changed the source behind the same SSRC: its timestamps run 30 frames ahead.
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.adaptive(8000, 20));
        int concealedAfter = 0;
        for (int t = 0; t < 300; t++) {
            long now = t * 20 * MS;
            int frame = t < 200 ? t : t + 30;
            jb.put(FIRST_TS + frame * UNITS, t == 0, PAYLOAD, 0, PAYLOAD.length, now + 40 * MS);
            int r = jb.take(now + 41 * MS);
            if (t >= 200 && r == JitterBuffer.CONCEAL) {
                concealedAfter++;
            }
        }
        JitterBufferStats s = jb.stats();
        assertEquals(0, s.lost(), s.toString());
        assertTrue(concealedAfter <= 3, "concealed after the jump " + concealedAfter);
        assertTrue(s.currentDelayNanos() <= s.targetDelayNanos() + 25 * MS, s.toString());
    }
}
