package dev.parley.bench.sdp;

import dev.parley.sdp.SessionDescription;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import javax.sdp.SdpException;
import javax.sdp.SdpFactory;

/**
 * The parses of {@code SdpBenchmark}, timed in this thread's CPU time rather than wall time, so
 * that the Parley/JAIN-SIP ratio can be read on a machine shared with other work. The two
 * parsers run in alternating rounds of 1 CPU second each (8 rounds each after 3 of warm-up), and
 * the ratio is taken per pair of neighbouring rounds, so a change of load hits both sides alike.
 * {@code parleyParseAndType} also reads every attribute, which makes Parley type them all
 * (the parse itself types them lazily, on first use). Run with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.parley.bench.sdp.SdpCpuTimeRun}.
 */
public final class SdpCpuTimeRun {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 8;
    private static int sink;

    private SdpCpuTimeRun() {
    }

    /** One parse; returns something of the result so the JIT cannot drop the work. */
    private interface Parse {
        int run() throws SdpException;
    }

    public static void main(String[] args) throws SdpException {
        byte[] offer = SdpFixtures.TYPICAL_OFFER_BYTES;
        String text = SdpFixtures.TYPICAL_OFFER;
        SdpFactory jainSip = SdpFactory.getInstance();
        Parse parley = () -> SessionDescription.parse(offer, 0, offer.length).media().size();
        Parse parleyTyped = () -> SdpFixtures.parseAndTypeEveryAttribute(offer);
        Parse jain = () -> jainSip.createSessionDescription(text).getMediaDescriptions(false).size();
        double[][] rates = new double[3][ROUNDS];
        Parse[] parses = {parley, parleyTyped, jain};
        for (int r = -3; r < ROUNDS; r++) {
            for (int p = 0; p < parses.length; p++) {
                double rate = rate(parses[p]);
                if (r >= 0) {
                    rates[p][r] = rate;
                }
            }
        }
        double[] ratio = new double[ROUNDS];
        double[] typedRatio = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            ratio[r] = rates[0][r] / rates[2][r];
            typedRatio[r] = rates[1][r] / rates[2][r];
        }
        print("parleyParseOffer", rates[0]);
        print("parleyParseAndType", rates[1]);
        print("jainSipParseOffer", rates[2]);
        System.out.printf("ratio parse/JAIN-SIP: median %.2f (min %.2f, max %.2f)%n", median(ratio), min(ratio), max(ratio));
        System.out.printf("ratio parse+type/JAIN-SIP: median %.2f (min %.2f, max %.2f)%n",
                median(typedRatio), min(typedRatio), max(typedRatio));
        if (sink == 42) {
            System.out.println();
        }
    }

    private static double rate(Parse parse) throws SdpException {
        long n = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        long elapsed;
        do {
            for (int k = 0; k < 1000; k++) {
                sink += parse.run();
            }
            n += 1000;
            elapsed = THREADS.getCurrentThreadCpuTime() - start;
        } while (elapsed < 1_000_000_000L);
        return n / (elapsed / 1e9);
    }

    private static void print(String name, double[] rates) {
        System.out.printf("%-20s %10.0f parses/cpu-s  (min %.0f, max %.0f)%n", name, median(rates), min(rates), max(rates));
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] a) {
        return Arrays.stream(a).min().orElse(0);
    }

    private static double max(double[] a) {
        return Arrays.stream(a).max().orElse(0);
    }
}
