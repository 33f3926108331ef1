package dev.parley.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FrameNumberingTest {

    @Test
    void framesCount_acrossThe32BitTimestampWrap_andRoundToTheNearestFrame() {
        FrameNumbering n = new FrameNumbering(160);
        int first = 0xFFFF_FF00;
        assertEquals(0, n.frameOf(first));
        n.accept(first);
        assertEquals(1, n.frameOf(first + 160)); // wraps through 0
        n.accept(first + 160);
        assertEquals(5, n.frameOf(first + 5 * 160 + 79));
        assertEquals(6, n.frameOf(first + 5 * 160 + 80));
        assertEquals(-2, n.frameOf(first - 2 * 160)); // reordered before the first packet
    }

    @Test
    void notAccepted_timestampsDoNotMoveTheReference_rebaseStartsAtZero() {
        FrameNumbering n = new FrameNumbering(160);
        n.frameOf(1000);
        n.accept(1000);
        assertEquals(100_000, n.frameOf(1000 + 100_000 * 160)); // far ahead, not accepted
        assertEquals(1, n.frameOf(1160));
        n.rebase(42);
        assertEquals(0, n.frameOf(42));
        n.forget();
        assertEquals(0, n.frameOf(7));
    }
}
