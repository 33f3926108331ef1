package dev.parley.rtp;

import java.util.Locale;

/**
 * The table's traces regenerated with other seeds, to tell a rule that is better from one that is
 * lucky on seed 42: per trace, the mean delay and late packets of the adaptive buffer and of the
 * fixed 160 ms buffer, and on how many seeds the adaptive one is better on both. Not a test (it
 * takes a few seconds per 50 seeds); {@code docs/jitter-buffer.md} quotes its output. Run:
 * {@code java -cp rtp/target/classes:rtp/target/test-classes:codecs/target/classes
 * dev.parley.rtp.JitterBufferSeedSweep [firstSeed [seeds]]}.
 */
final class JitterBufferSeedSweep {

    private JitterBufferSeedSweep() {
    }

    public static void main(String[] args) {
        long first = args.length > 0 ? Long.parseLong(args[0]) : 1;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        System.out.printf(Locale.ROOT, "seeds %d..%d, %d packets each%n", first, first + seeds - 1,
                JitterBufferTraceTable.PACKETS);
        System.out.println("| trace | adaptive: mean delay ms | mean late packets | fixed 160 ms: mean delay ms"
                + " | mean late packets | seeds adaptive better on both | seeds adaptive no more late |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        int wins = 0;
        for (ArrivalTrace.Spec spec : JitterBufferTraceTable.SPECS) {
            double adaptiveDelay = 0;
            double fixedDelay = 0;
            long adaptiveLate = 0;
            long fixedLate = 0;
            int both = 0;
            int lateOnly = 0;
            for (long s = first; s < first + seeds; s++) {
                ArrivalTrace t = ArrivalTrace.generate(spec, JitterBufferTraceTable.PACKETS, s);
                ArrivalTrace.Result a = t.play(JitterBufferConfig.adaptive(8000, 20));
                ArrivalTrace.Result f = t.play(JitterBufferConfig.fixed(8000, 20, 160));
                adaptiveDelay += a.averageDelayMs();
                fixedDelay += f.averageDelayMs();
                adaptiveLate += a.stats().late();
                fixedLate += f.stats().late();
                boolean noMoreLate = a.stats().late() <= f.stats().late();
                lateOnly += noMoreLate ? 1 : 0;
                both += noMoreLate && a.averageDelayMs() < f.averageDelayMs() ? 1 : 0;
            }
            wins += both;
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.2f | %.1f | %.2f | %d | %d |%n", spec.name(),
                    adaptiveDelay / seeds, (double) adaptiveLate / seeds, fixedDelay / seeds,
                    (double) fixedLate / seeds, both, lateOnly);
        }
        System.out.printf(Locale.ROOT, "better on both: %d of %d trace runs%n", wins,
                seeds * JitterBufferTraceTable.SPECS.size());
    }
}
