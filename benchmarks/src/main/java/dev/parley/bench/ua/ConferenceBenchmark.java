package dev.parley.bench.ua;

import dev.parley.bench.codecs.TestSignal;
import dev.parley.ua.internal.media.ConferenceMixer;
import dev.parley.ua.internal.media.MixLeg;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One 20 ms conference cycle as the media thread runs it: every participant delivers its received
 * frame and takes its mixed frame, and the local user's source and sink are called once. Half the
 * legs are wideband (16 kHz, as G.722 decodes) and half narrowband (8 kHz, PCMU/PCMA), so the cycle
 * includes the 8↔16 kHz resampling of {@code codecs}; the mix runs at 16 kHz. {@code -prof gc}
 * shows whether the cycle allocates (it must not).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConferenceBenchmark {

    @Param({"3", "8"})
    public int participants;

    private MixLeg[] legs;
    private int[] rates;
    private final short[][] narrow = new short[50][];
    private final short[][] wide = new short[50][];
    private final short[] out = new short[320];
    private int frame;
    private long sink;

    @Setup
    public void setUp() {
        short[] n = TestSignal.speechLike(8000, 160 * 50);
        short[] w = TestSignal.speechLike(16000, 320 * 50);
        for (int i = 0; i < 50; i++) {
            narrow[i] = java.util.Arrays.copyOfRange(n, i * 160, i * 160 + 160);
            wide[i] = java.util.Arrays.copyOfRange(w, i * 320, i * 320 + 320);
        }
        ConferenceMixer mixer = new ConferenceMixer(16000, participants);
        short[] local = TestSignal.speechLike(16000, 320);
        mixer.localSource((f, rate) -> {
            System.arraycopy(local, 0, f, 0, 320);
            return true;
        });
        mixer.localSink((f, rate) -> sink += f[0]);
        legs = new MixLeg[participants];
        rates = new int[participants];
        for (int i = 0; i < participants; i++) {
            legs[i] = mixer.join(() -> false);
            rates[i] = i % 2 == 0 ? 16000 : 8000;
        }
    }

    /** One cycle: each leg's playout (received frame) then its send (mixed frame), in tick order. */
    @Benchmark
    public long mixCycle() {
        int f = frame;
        frame = (f + 1) % 50;
        long check = 0;
        for (int i = 0; i < legs.length; i++) {
            int rate = rates[i];
            legs[i].received(rate == 16000 ? wide[f] : narrow[f], rate);
        }
        for (int i = 0; i < legs.length; i++) {
            legs[i].fillToSend(out, rates[i]);
            check += out[0];
        }
        return check + sink;
    }
}
