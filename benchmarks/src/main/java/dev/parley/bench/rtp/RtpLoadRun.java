package dev.parley.bench.rtp;

import java.util.ArrayList;
import java.util.List;

/**
 * Load run (not a unit test): N streams of 20 ms PCMU over 127.0.0.1 through the media engine,
 * whose echo streams play each stream through its jitter buffer and send the played audio back.
 * Prints packets/s each way, loss each way and CPU per stream count.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.parley.bench.rtp.RtpLoadRun [--seconds=20]
 *     [--generator=light|native|engine] [--threads=T] 500 1000 2000</pre>
 *
 * <ul>
 * <li>{@code --generator=light} (default, {@link GeneratorRun}): the traffic comes from a light
 *     generator (one socket, no decoding) and the engine under test runs the N echo streams with
 *     T selector threads (default: one per core).
 * <li>{@code --generator=native} ({@link GeneratorRun} with {@link NativeGenerator}): the same, with
 *     the traffic from a small C program that batches its system calls ({@code sendmmsg},
 *     {@code recvmmsg}; compiled with the machine's {@code cc}; Linux), so the source takes less of
 *     the cores the engine needs.
 * <li>{@code --generator=engine} ({@link TwoEngineRun}): a second engine's N caller streams are the
 *     traffic; T selector threads per engine (default 1).
 * </ul>
 */
public final class RtpLoadRun {

    private RtpLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 20;
        int threads = 0;
        boolean light = true;
        boolean nativeSource = false;
        List<Integer> counts = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--seconds=")) {
                seconds = Integer.parseInt(arg.substring("--seconds=".length()));
            } else if (arg.startsWith("--threads=")) {
                threads = Integer.parseInt(arg.substring("--threads=".length()));
            } else if (arg.equals("--generator=light") || arg.equals("--generator=engine")
                    || arg.equals("--generator=native")) {
                light = !arg.endsWith("engine");
                nativeSource = arg.endsWith("native");
            } else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + arg);
            } else {
                counts.add(Integer.parseInt(arg));
            }
        }
        if (counts.isEmpty()) {
            counts = List.of(500, 1000, 2000);
        }
        if (threads <= 0) {
            threads = light ? Runtime.getRuntime().availableProcessors() : 1;
        }
        System.out.println(light ? GeneratorRun.header() : TwoEngineRun.header());
        for (int n : counts) {
            if (light) {
                GeneratorRun.run(n, seconds, threads, nativeSource);
            } else {
                TwoEngineRun.run(n, seconds, threads);
            }
        }
    }
}
