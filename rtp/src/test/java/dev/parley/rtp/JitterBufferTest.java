package dev.parley.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.AudioDecoder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JitterBufferTest {

    private static final long MS = 1_000_000L;

    /** Plays ticks from {@code from} for {@code n} ticks; records the first payload byte or C/S. */
    private static List<String> ticks(JitterBuffer jb, long from, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int r = jb.take(from + i * 20 * MS);
            out.add(r == JitterBuffer.FRAME ? String.valueOf(jb.frame()[jb.frameOffset()]) : r == JitterBuffer.CONCEAL ? "C" : "S");
        }
        return out;
    }

    private static void put(JitterBuffer jb, int frame, boolean marker, long atMs) {
        jb.put(0xFFFF_FF00 + frame * 160, marker, new byte[] {(byte) frame, 1, 2}, 0, 3, atMs * MS);
    }

    @Test
    void fixedBuffer_waitsItsDelayThenPlaysOneFramePerTick_acrossTimestampWrap() {
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.fixed(8000, 20, 40));
        for (int f = 0; f < 4; f++) {
            put(jb, f, f == 0, 20L * f);
        }
        // Frame 0 arrived at 0 ms: it plays at the first tick at or after 40 ms.
        assertEquals(List.of("S", "S", "0", "1", "2", "3"), ticks(jb, 0, 6));
        assertEquals(40 * MS, jb.stats().currentDelayNanos());
        assertEquals(4, jb.stats().played());
    }

    @Test
    void reorderedAndDuplicatePackets_playInOrderOnce() {
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.fixed(8000, 20, 40));
        put(jb, 0, true, 0);
        put(jb, 2, false, 21);
        put(jb, 1, false, 22);
        put(jb, 1, false, 23);
        assertEquals(List.of("S", "S", "0", "1", "2"), ticks(jb, 0, 5));
        assertEquals(1, jb.stats().discarded());
    }

    @Test
    void missingFrameWithLaterOnePresent_isConcealedAndCountedLost_thenLateArrivalDropped() {
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.fixed(8000, 20, 40));
        put(jb, 0, true, 0);
        put(jb, 2, false, 40);
        assertEquals(List.of("S", "S", "0", "C", "2"), ticks(jb, 0, 5));
        put(jb, 1, false, 100);
        JitterBufferStats s = jb.stats();
        assertEquals(1, s.lost());
        assertEquals(1, s.concealed());
        assertEquals(1, s.late());
    }

    @Test
    void dryBuffer_concealsThreeFramesThenFallsSilent_andNewTalkspurtIsNotLoss() {
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.fixed(8000, 20, 40));
        put(jb, 0, true, 0);
        assertEquals(List.of("S", "S", "0", "C", "C", "C", "S", "S"), ticks(jb, 0, 8));
        // A talkspurt starts at frame 50 (timestamps skipped over the silence).
        put(jb, 50, true, 1000);
        put(jb, 51, false, 1020);
        assertEquals(List.of("S", "S", "50", "51"), ticks(jb, 1000 * MS, 4));
        assertEquals(0, jb.stats().lost());
    }

    @Test
    void markerDuringPlayback_startsTalkspurtWithoutConcealingTheGap() {
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.fixed(8000, 20, 40));
        put(jb, 0, true, 0);
        put(jb, 1, false, 20);
        List<String> out = new ArrayList<>(ticks(jb, 0, 4)); // S S 0 1
        put(jb, 4, true, 80); // frames 2 and 3 were silence
        put(jb, 5, false, 100);
        out.addAll(ticks(jb, 80 * MS, 4));
        assertEquals(List.of("S", "S", "0", "1", "S", "S", "4", "5"), out);
        assertEquals(0, jb.stats().lost());
        assertEquals(0, jb.stats().concealed());
    }

    @Test
    void timestampJumpWithMarker_restartsBuffer() {
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.fixed(8000, 20, 40));
        put(jb, 0, true, 0);
        assertEquals(List.of("S", "S", "0"), ticks(jb, 0, 3));
        jb.put(123_456_789, true, new byte[] {9}, 0, 1, 60 * MS);
        assertEquals(List.of("S", "9"), ticks(jb, 80 * MS, 2));
        assertEquals(1, jb.stats().resyncs());
    }

    /** A session sizes the slots to its codec's frame: a whole frame fits, one byte more is overflow. */
    @Test
    void slotsSizedToTheFrame_holdAFrame_andCountLongerPayloadsAsOverflow() {
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.fixed(8000, 20, 40).withMaxPayload(160));
        byte[] frame = new byte[161];
        frame[159] = 42;
        jb.put(1000, true, frame, 0, 160, 0);
        jb.put(1160, false, frame, 0, 161, 20 * MS);
        assertEquals(1, jb.stats().overflow());
        assertEquals(List.of("S", "S", "0"), ticks(jb, 0, 3));
        assertEquals(42, jb.frame()[jb.frameOffset() + 159]);
        assertEquals(160, jb.frameLength());
    }

    @Test
    void packetsBeyondCapacity_areCountedAsOverflow_andBufferStaysBounded() {
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.fixed(8000, 20, 40));
        put(jb, 0, true, 0);
        put(jb, 100, false, 1);
        put(jb, 200, false, 2);
        assertEquals(2, jb.stats().overflow());
        assertEquals(1, jb.stats().received());
    }

    @Test
    void adaptiveBuffer_growsDelayWhenJitterRises() {
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.adaptive(8000, 20));
        long now = 5 * MS;
        int frame = 0;
        for (int i = 0; i < 300; i++, now += 20 * MS) {
            put(jb, frame, frame == 0, 20L * frame); // no jitter
            frame++;
            jb.take(now + 20 * MS);
        }
        long calm = jb.targetDelayNanos();
        for (int i = 0; i < 300; i++, now += 20 * MS) {
            put(jb, frame, false, 20L * frame + (i % 2 == 0 ? 0 : 80)); // every other packet 80 ms late
            frame++;
            jb.take(now + 20 * MS);
        }
        assertTrue(calm < 10 * MS, "calm target " + calm);
        assertTrue(jb.targetDelayNanos() >= 80 * MS, "jittery target " + jb.targetDelayNanos());
    }

    @Test
    void playout_asksTheCodecToConcealMissingFrames() {
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.fixed(8000, 20, 0));
        put(jb, 0, true, 0);
        put(jb, 2, false, 0);
        int[] calls = new int[2];
        AudioDecoder decoder = new AudioDecoder() {
            @Override
            public int decode(byte[] in, int inOffset, int length, short[] pcm, int pcmOffset) {
                calls[0]++;
                pcm[0] = in[inOffset];
                return 160;
            }

            @Override
            public int conceal(short[] pcm, int pcmOffset, int samples) {
                calls[1]++;
                return samples;
            }

            @Override
            public void reset() {
            }
        };
        short[] pcm = new short[160];
        assertEquals(160, jb.playout(0, decoder, pcm, 160));
        assertEquals(160, jb.playout(20 * MS, decoder, pcm, 160));
        assertEquals(160, jb.playout(40 * MS, decoder, pcm, 160));
        assertEquals(2, pcm[0]);
        assertEquals(2, calls[0]);
        assertEquals(1, calls[1]);
    }
}
