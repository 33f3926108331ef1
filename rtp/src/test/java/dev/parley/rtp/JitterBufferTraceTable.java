package dev.parley.rtp;

import java.util.List;

/**
 * The table of {@code docs/jitter-buffer.md}: the adaptive buffer against fixed buffers on the
 * synthetic traces. {@link JitterBufferDocTest} keeps the document equal to {@link #markdown()};
 * {@link #main} prints it.
 */
final class JitterBufferTraceTable {

    static final List<ArrivalTrace.Spec> SPECS = List.of(
            new ArrivalTrace.Spec("0 ms jitter", 0, 0, false, 0, 0, false, false),
            new ArrivalTrace.Spec("20 ms jitter", 20, 0, false, 0, 0, false, false),
            new ArrivalTrace.Spec("60 ms jitter", 60, 0, false, 0, 0, false, false),
            new ArrivalTrace.Spec("20 ms, 1% loss", 20, 1, false, 0, 0, false, false),
            new ArrivalTrace.Spec("20 ms, 5% loss", 20, 5, false, 0, 0, false, false),
            new ArrivalTrace.Spec("20 ms, 10% loss", 20, 10, false, 0, 0, false, false),
            new ArrivalTrace.Spec("20 ms, 5% burst loss", 20, 5, true, 0, 0, false, false),
            new ArrivalTrace.Spec("20 ms, 5% reordered", 20, 0, false, 5, 0, false, false),
            new ArrivalTrace.Spec("20 ms, drift +0.1%", 20, 0, false, 0, 1000, false, false),
            new ArrivalTrace.Spec("20 ms, drift -0.1%", 20, 0, false, 0, -1000, false, false),
            new ArrivalTrace.Spec("20 ms, talkspurts", 20, 1, false, 0, 0, true, false),
            new ArrivalTrace.Spec("10 ms, delay spikes", 10, 0, false, 0, 0, false, true));

    static final int PACKETS = 15_000; // five minutes of 20 ms packets
    static final long SEED = 42;
    /** Fixed delays tried when sizing the product setting, in ms. */
    private static final int PRODUCT_STEP_MS = 20;
    /** Fixed delays tried for the per-trace best fixed buffer, in ms. */
    private static final int BEST_STEP_MS = 10;
    private static final int MAX_FIXED_MS = 600;

    /** One row: a trace, the adaptive buffer, the product's fixed buffer, the trace's best fixed buffer. */
    record Row(String trace, ArrivalTrace.Result adaptive, ArrivalTrace.Result product, int bestFixedMs,
            ArrivalTrace.Result bestFixed) {
        /** Less delay and no more late packets than the product's fixed buffer. */
        boolean betterOnBoth() {
            return adaptive.averageDelayMs() < product.averageDelayMs()
                    && adaptive.stats().late() <= product.stats().late();
        }
    }

    private JitterBufferTraceTable() {
    }

    static List<ArrivalTrace> traces() {
        return SPECS.stream().map(s -> ArrivalTrace.generate(s, PACKETS, SEED)).toList();
    }

    /**
     * The fixed delay a product would ship: the smallest, in 20 ms steps, that loses no packet late
     * on any trace without clock drift (a fixed buffer cannot follow drift at all, see the table).
     */
    static int productFixedMs(List<ArrivalTrace> traces) {
        for (int ms = PRODUCT_STEP_MS; ms <= MAX_FIXED_MS; ms += PRODUCT_STEP_MS) {
            boolean clean = true;
            for (int i = 0; i < traces.size() && clean; i++) {
                if (SPECS.get(i).driftPpm() == 0) {
                    clean = traces.get(i).play(JitterBufferConfig.fixed(8000, 20, ms)).stats().late() == 0;
                }
            }
            if (clean) {
                return ms;
            }
        }
        return MAX_FIXED_MS;
    }

    static List<Row> rows() {
        List<ArrivalTrace> traces = traces();
        int product = productFixedMs(traces);
        return traces.stream().map(t -> {
            ArrivalTrace.Result a = t.play(JitterBufferConfig.adaptive(8000, 20));
            ArrivalTrace.Result p = t.play(JitterBufferConfig.fixed(8000, 20, product));
            // The best fixed buffer for this trace on equal footing: the smallest delay that loses
            // no more packets late than the adaptive buffer did.
            for (int ms = BEST_STEP_MS; ms <= MAX_FIXED_MS; ms += BEST_STEP_MS) {
                ArrivalTrace.Result f = t.play(JitterBufferConfig.fixed(8000, 20, ms));
                if (f.stats().late() <= a.stats().late()) {
                    return new Row(t.name(), a, p, ms, f);
                }
            }
            return new Row(t.name(), a, p, -1, p);
        }).toList();
    }

    static String markdown() {
        List<Row> rows = rows();
        int product = productFixedMs(traces());
        StringBuilder out = new StringBuilder();
        out.append("| trace | adaptive: delay ms | late % | fixed ").append(product)
                .append(" ms: delay ms | late % | adaptive better on both | best fixed for the trace at ≤ adaptive's late:"
                        + " setting ms | its delay ms | adaptive concealed |\n");
        out.append("|---|---:|---:|---:|---:|:---:|---:|---:|---:|\n");
        for (Row r : rows) {
            out.append(String.format(java.util.Locale.ROOT, "| %s | %.1f | %.3f | %.1f | %.3f | %s | %s | %s | %d |%n",
                    r.trace(), r.adaptive().averageDelayMs(), r.adaptive().lateLossPercent(),
                    r.product().averageDelayMs(), r.product().lateLossPercent(), r.betterOnBoth() ? "yes" : "**no**",
                    r.bestFixedMs() < 0 ? "none ≤ " + MAX_FIXED_MS : Integer.toString(r.bestFixedMs()),
                    r.bestFixedMs() < 0 ? "–" : String.format(java.util.Locale.ROOT, "%.1f", r.bestFixed().averageDelayMs()),
                    r.adaptive().stats().concealed()));
        }
        return out.toString();
    }

    public static void main(String[] args) {
        System.out.print(markdown());
    }
}
