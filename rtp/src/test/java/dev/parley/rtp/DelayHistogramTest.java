package dev.parley.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DelayHistogramTest {

    private static final long MS = 1_000_000L;

    @Test
    void quantile_isTheBinEdgeThatTheAllowedShareExceeds() {
        DelayHistogram h = new DelayHistogram(256, 4 * MS, 1.0); // no forgetting
        for (int i = 0; i < 1000; i++) {
            h.add(i % 100 * MS); // 0..99 ms, ten of each
        }
        assertEquals(100 * MS, h.quantile(0.995), "5 samples may exceed: the top bin (96..99 ms) holds 40");
        assertEquals(76 * MS, h.quantile(0.75), "250 may exceed: 76..99 ms holds 240");
        assertEquals(0, new DelayHistogram(8, MS, 1.0).quantile(0.99), "empty");
    }

    @Test
    void oneStraggler_raisesTheHighQuantileAtOnce_andIsForgottenSlowly() {
        DelayHistogram h = new DelayHistogram(256, 4 * MS, 0.999);
        for (int i = 0; i < 5000; i++) {
            h.add(10 * MS);
        }
        assertEquals(12 * MS, h.quantile(0.9995));
        h.add(200 * MS); // weighs 0.1% of a ~1,000-packet memory: above the 0.05% allowed
        assertEquals(204 * MS, h.quantile(0.9995));
        for (int i = 0; i < 500; i++) {
            h.add(10 * MS);
        }
        assertEquals(204 * MS, h.quantile(0.9995), "still remembered after 10 s");
        for (int i = 0; i < 1000; i++) {
            h.add(10 * MS);
        }
        assertEquals(12 * MS, h.quantile(0.9995), "forgotten after 30 s (weight 0.999^1500 = 22%)");
    }

    @Test
    void rescaling_keepsTheDistribution_andOutOfRangeDelaysLandInTheEdgeBins() {
        DelayHistogram h = new DelayHistogram(16, MS, 0.9); // weights grow 10x per sample: rescales often
        for (int i = 0; i < 100_000; i++) {
            h.add(i % 2 == 0 ? 3 * MS : 5 * MS);
        }
        assertEquals(6 * MS, h.quantile(0.9));
        h.add(-7 * MS);
        h.add(500 * MS);
        assertEquals(16 * MS, h.quantile(0.95), "beyond the last bin counts in it");
        assertEquals(100_002, h.count());
        h.clear();
        assertEquals(0, h.quantile(0.5));
    }
}
