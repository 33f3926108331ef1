package dev.parley.bench.codecs;

import dev.parley.codecs.AudioDecoder;
import dev.parley.codecs.AudioEncoder;
import dev.parley.codecs.Codecs;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The same operations as {@code CodecBenchmark}, timed in this thread's CPU time rather than wall
 * time, to compare with {@code benchmarks/native/spandsp_codecs.c} (which does the same) on a
 * machine shared with other work. Prints frames and samples per CPU second, the median of 5 runs
 * of 2 CPU seconds each, after 3 such runs of warm-up. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.parley.bench.codecs.CpuTimeRun}.
 */
public final class CpuTimeRun {

    private static final int FRAMES = 100;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static long sink;

    private CpuTimeRun() {
    }

    public static void main(String[] args) {
        short[] narrow = TestSignal.speechLike(8000, 160 * FRAMES);
        short[] wide = TestSignal.speechLike(16000, 320 * FRAMES);
        byte[] ulaw = new byte[narrow.length];
        byte[] alaw = new byte[narrow.length];
        byte[] g722 = new byte[wide.length / 2];
        Codecs.PCMU.newEncoder().encode(narrow, 0, narrow.length, ulaw, 0);
        Codecs.PCMA.newEncoder().encode(narrow, 0, narrow.length, alaw, 0);
        Codecs.G722.newEncoder().encode(wide, 0, wide.length, g722, 0);
        short[] pcm = new short[320];
        byte[] code = new byte[160];
        AudioEncoder ue = Codecs.PCMU.newEncoder();
        AudioDecoder ud = Codecs.PCMU.newDecoder();
        AudioEncoder ae = Codecs.PCMA.newEncoder();
        AudioDecoder ad = Codecs.PCMA.newDecoder();
        AudioEncoder ge = Codecs.G722.newEncoder();
        AudioDecoder gd = Codecs.G722.newDecoder();
        measure("ulawEncode", 160, f -> sink += ue.encode(narrow, 160 * f, 160, code, 0) + code[f]);
        measure("ulawDecode", 160, f -> sink += ud.decode(ulaw, 160 * f, 160, pcm, 0) + pcm[f]);
        measure("alawEncode", 160, f -> sink += ae.encode(narrow, 160 * f, 160, code, 0) + code[f]);
        measure("alawDecode", 160, f -> sink += ad.decode(alaw, 160 * f, 160, pcm, 0) + pcm[f]);
        measure("g722Encode", 320, f -> sink += ge.encode(wide, 320 * f, 320, code, 0) + code[f]);
        measure("g722Decode", 320, f -> sink += gd.decode(g722, 160 * f, 160, pcm, 0) + pcm[f]);
        if (sink == 42) {
            System.out.println();
        }
    }

    private static void measure(String name, int samplesPerFrame, IntConsumer op) {
        double[] rates = new double[5];
        for (int r = -3; r < rates.length; r++) {
            long frames = 0;
            long start = THREADS.getCurrentThreadCpuTime();
            long elapsed;
            do {
                for (int k = 0; k < 1000; k++) {
                    op.accept((int) (frames++ % FRAMES));
                }
                elapsed = THREADS.getCurrentThreadCpuTime() - start;
            } while (elapsed < 2_000_000_000L);
            if (r >= 0) {
                rates[r] = frames / (elapsed / 1e9);
            }
        }
        Arrays.sort(rates);
        System.out.printf("%-12s %12.0f frames/cpu-s  %8.1f M samples/cpu-s  (min %.0f, max %.0f)%n",
                name, rates[2], rates[2] * samplesPerFrame / 1e6, rates[0], rates[4]);
    }
}
