package dev.parley.bench;

import dev.parley.rtp.JitterBuffer;
import dev.parley.rtp.JitterBufferConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The adaptive jitter buffer per packet: one {@code put} of a 160-byte G.711 payload (with a
 * little arrival jitter) and one {@code take} at the next 20 ms tick, in steady state. Decoding is
 * not included (see {@code CodecBenchmark}). Target: 100 ns or less.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JitterBufferBenchmark {

    private final byte[] payload = new byte[160];
    private JitterBuffer buffer;
    private int timestamp;
    private long tick;
    private int i;

    @Setup
    public void setUp() {
        buffer = new JitterBuffer(JitterBufferConfig.adaptive(8000, 20));
        tick = 1_000_000_000L;
    }

    @Benchmark
    public int putAndTake() {
        i++;
        long arrival = tick + ((i * 7919) & 15) * 1_000_000L; // 0–15 ms of jitter
        buffer.put(timestamp, false, payload, 0, 160, arrival);
        timestamp += 160;
        tick += 20_000_000L;
        return buffer.take(tick);
    }
}
