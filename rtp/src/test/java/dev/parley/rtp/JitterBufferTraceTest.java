package dev.parley.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The adaptive buffer on the synthetic traces of {@code docs/jitter-buffer.md}. */
class JitterBufferTraceTest {

    private static final int PACKETS = 3000; // one minute

    @Test
    void adaptive_keepsLateLossUnderHalfAPercent_orOnePercentWithDelaySpikes() {
        for (ArrivalTrace.Spec spec : JitterBufferTraceTable.SPECS) {
            ArrivalTrace.Result r = ArrivalTrace.generate(spec, PACKETS, 7).play(JitterBufferConfig.adaptive(8000, 20));
            double bound = spec.spikes() ? 1.0 : 0.5; // a sudden +150 ms step is late until measured
            assertTrue(r.lateLossPercent() < bound, spec.name() + ": late " + r.lateLossPercent());
            assertTrue(r.averageDelayMs() < 200, spec.name() + ": delay " + r.averageDelayMs());
        }
    }

    @Test
    void adaptive_addsLittleDelayWithoutJitter() {
        ArrivalTrace trace = ArrivalTrace.generate(JitterBufferTraceTable.SPECS.get(0), PACKETS, 7);
        ArrivalTrace.Result r = trace.play(JitterBufferConfig.adaptive(8000, 20));
        assertTrue(r.averageDelayMs() <= 35, "delay " + r.averageDelayMs());
        assertTrue(r.stats().late() == 0);
    }

    /**
     * The goal of issue 5 per trace: less added delay and no more late packets than the fixed delay
     * a product would ship (the smallest that loses nothing late on every trace without drift).
     */
    @Test
    void adaptive_beatsTheProductFixedBufferOnBothDelayAndLateLoss_onEveryTrace() {
        for (JitterBufferTraceTable.Row row : JitterBufferTraceTable.rows()) {
            assertTrue(row.betterOnBoth(), row.trace() + ": adaptive " + row.adaptive() + " fixed " + row.product());
        }
    }

    @Test
    void productFixedBuffer_isSizedForTheWorstTrace() {
        assertEquals(160, JitterBufferTraceTable.productFixedMs(JitterBufferTraceTable.traces()));
    }
}
