package dev.parley.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameRingTest {

    @Test
    void reserve_refusesADuplicateAndAFrameACapacityApart() {
        FrameRing ring = new FrameRing(8, 4);
        int slot = ring.reserve(10, 100, 3);
        assertEquals(2, slot); // 10 & 7
        assertEquals(FrameRing.DUPLICATE, ring.reserve(10, 101, 3));
        assertEquals(FrameRing.OCCUPIED, ring.reserve(18, 102, 3));
        assertEquals(1, ring.count());
        assertEquals(100, ring.arrival(10));
        assertEquals(3, ring.length(slot));
    }

    @Test
    void lowestAfter_andHoldsAnyIn_findBufferedFramesAcrossTheRingsEnd_andRemovalFreesSlots() {
        FrameRing ring = new FrameRing(8, 4);
        ring.reserve(6, 0, 1);
        ring.reserve(9, 0, 1);
        assertEquals(6, ring.lowestAfter(3));
        assertEquals(9, ring.lowestAfter(6));
        assertTrue(ring.holdsAnyIn(7, 10));
        assertFalse(ring.holdsAnyIn(7, 9));
        assertEquals(FrameRing.DUPLICATE, ring.reserve(9, 0, 1));
        ring.remove(6);
        assertFalse(ring.holds(6));
        assertTrue(ring.discard(9));
        assertFalse(ring.discard(9));
        assertEquals(0, ring.count());
        // Removed frames free their slots: frame 14 takes the slot frame 6 had.
        assertEquals(6, ring.reserve(14, 0, 1));
        assertEquals(1, ring.count());
    }
}
