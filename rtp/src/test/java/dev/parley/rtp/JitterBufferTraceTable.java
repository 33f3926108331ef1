package dev.parley.rtp;

import java.util.List;

/**
 * Prints the table of {@code docs/jitter-buffer.md}: run with the test class path,
 * {@code java -cp rtp/target/classes:rtp/target/test-classes:codecs/target/classes dev.parley.rtp.JitterBufferTraceTable}.
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

    private JitterBufferTraceTable() {
    }

    public static void main(String[] args) {
        System.out.println("| trace | adaptive delay ms | adaptive late % | fixed 60 ms: delay ms | late % "
                + "| fixed 120 ms: delay ms | late % | adaptive concealed |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (ArrivalTrace.Spec spec : SPECS) {
            ArrivalTrace trace = ArrivalTrace.generate(spec, PACKETS, 42);
            ArrivalTrace.Result a = trace.play(JitterBufferConfig.adaptive(8000, 20));
            ArrivalTrace.Result f60 = trace.play(JitterBufferConfig.fixed(8000, 20, 60));
            ArrivalTrace.Result f120 = trace.play(JitterBufferConfig.fixed(8000, 20, 120));
            System.out.printf("| %s | %.1f | %.2f | %.1f | %.2f | %.1f | %.2f | %d |%n", spec.name(),
                    a.averageDelayMs(), a.lateLossPercent(), f60.averageDelayMs(), f60.lateLossPercent(),
                    f120.averageDelayMs(), f120.lateLossPercent(), a.stats().concealed());
        }
    }
}
