package dev.parley.bench.rtp;

import com.sun.management.OperatingSystemMXBean;
import dev.parley.codecs.Codecs;
import dev.parley.rtp.EngineConfig;
import dev.parley.rtp.EngineStatistics;
import dev.parley.rtp.JitterBufferStats;
import dev.parley.rtp.MediaConfig;
import dev.parley.rtp.MediaEngine;
import dev.parley.rtp.MediaStream;
import dev.parley.rtp.SessionListener;
import dev.parley.rtp.SessionOptions;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The load run against the engine alone ({@code --generator=light}): an {@link RtpGenerator} sends
 * N streams into N echo streams of one engine (T selector threads), which play each through its
 * jitter buffer, decode, re-encode and send it back, with RTCP multiplexed (RFC 5761). The generator
 * runs in the same process on the same cores, so the engine never has the machine to itself.
 */
final class GeneratorRun {

    private GeneratorRun() {
    }

    static String header() {
        return "| streams | packets/s into the engine (target 50 × N) | packets/s out of the engine | loss into "
                + "| loss out | CPU, engine and traffic source (of 2 cores) | engine threads' CPU µs per packet | of which in the kernel "
                + "| engine bytes allocated per packet | engine wake-ups per packet | generator CPU µs per packet | send failures | ticks skipped in the window "
                + "| streams silent | ticks concealed (of ticks played) | packets late or overflowing (of received) |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
    }

    static void run(int n, int seconds, int threads, boolean nativeSource) throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        EchoPair.sending = true;
        try (MediaEngine engine = MediaEngine.start(EngineConfig.defaults(lo).withThreads(threads)
                .withPorts(30_000, 39_999).withSocketBuffers(1 << 20))) {
            List<MediaStream> echoes = new ArrayList<>(n);
            InetSocketAddress[] targets = new InetSocketAddress[n];
            for (int i = 0; i < n; i++) {
                EchoPair.Echo echo = new EchoPair.Echo();
                MediaStream stream = engine.open(SessionOptions.defaults("e" + i + "@load"), echo, echo,
                        new SessionListener() { });
                echoes.add(stream);
                targets[i] = new InetSocketAddress(lo, stream.localRtpPort());
            }
            try (TrafficSource generator = nativeSource ? new NativeGenerator(targets, EchoPair.toneFrame())
                    : new RtpGenerator(new InetSocketAddress(lo, 0), targets, EchoPair.toneFrame())) {
                int[] ssrcs = new int[n];
                for (int i = 0; i < n; i++) {
                    MediaStream stream = echoes.get(i);
                    stream.configure(MediaConfig.of(Codecs.PCMU, generator.localAddress()).withRtcpMux(true));
                    ssrcs[i] = stream.statistics().ssrc();
                }
                generator.echoSsrcs(ssrcs);
                generator.start();
                measure(n, seconds, engine, generator, echoes);
            }
        }
    }

    private static void measure(int n, int seconds, MediaEngine engine, TrafficSource generator, List<MediaStream> echoes)
            throws Exception {
        Thread.sleep(4_000); // warm-up: the JIT was still compiling the engine's paths 3 s in
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        MediaThreads media = MediaThreads.find();
        long[] heard0 = heard(echoes);
        EngineStatistics e0 = engine.statistics();
        long g0 = generator.sent();
        long r0 = generator.received();
        long[] media0 = media.cpuAndAllocated();
        long gcpu0 = generator.cpuNanos();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long cpu1 = os.getProcessCpuTime();
        long t1 = System.nanoTime();
        long gcpu1 = generator.cpuNanos();
        long[] media1 = media.cpuAndAllocated();
        long g1 = generator.sent();
        long r1 = generator.received();
        EngineStatistics e1 = engine.statistics();
        long[] heard1 = heard(echoes);
        long played = heard1[0] - heard0[0];
        long concealed = heard1[1] - heard0[1];
        long lateOrOverflow = heard1[2] - heard0[2];
        generator.stopSending();
        Thread.sleep(200); // the last packets reach the echo streams
        EchoPair.sending = false;
        Thread.sleep(1_000); // and the echoes' last packets reach the generator
        EngineStatistics ef = engine.statistics();
        long sentIn = generator.sent();
        long receivedBack = generator.received();
        int silent = generator.silentStreams();
        generator.close();
        double secondsRun = (t1 - t0) / 1e9;
        double ppsIn = (g1 - g0) / secondsRun;
        double ppsOut = (e1.packetsSent() - e0.packetsSent()) / secondsRun;
        // Every echo stream drops the generator's first packet in RFC 3550 §A.1 probation.
        double lossIn = 100.0 * (sentIn - ef.packetsReceived() - n) / sentIn;
        double lossOut = 100.0 * (ef.packetsSent() - receivedBack) / ef.packetsSent();
        // rtpgen is a process of its own: its CPU is added, so the column is always all the traffic costs too.
        long outside = generator instanceof NativeGenerator ? gcpu1 - gcpu0 : 0;
        double cpu = 100.0 * (cpu1 - cpu0 + outside) / (double) (t1 - t0) / Runtime.getRuntime().availableProcessors();
        long engineHandled = e1.packetsSent() - e0.packetsSent() + e1.packetsReceived() - e0.packetsReceived();
        long mediaCpu = media1[0] - media0[0];
        double engineUs = mediaCpu / 1000.0 / engineHandled;
        double kernelShare = mediaCpu == 0 ? 0 : 100.0 * (mediaCpu - (media1[2] - media0[2])) / mediaCpu;
        double engineBytes = (media1[1] - media0[1]) / (double) engineHandled;
        double wakeUps = (media1[3] - media0[3]) / (double) engineHandled;
        double generatorUs = (gcpu1 - gcpu0) / 1000.0 / (g1 - g0 + r1 - r0);
        System.out.printf("| %d | %.0f | %.0f | %.3f%% | %.3f%% | %.0f%% | %.2f | %.0f%% | %.1f | %.3f | %.2f | %d | %d | %d | %.3f%% | %.3f%% |%n",
                n, ppsIn, ppsOut, lossIn, lossOut, cpu, engineUs, kernelShare, engineBytes, wakeUps, generatorUs,
                ef.sendFailures(), e1.ticksSkipped() - e0.ticksSkipped(), silent, 100.0 * concealed / Math.max(1, played + concealed),
                100.0 * lateOrOverflow / Math.max(1, e1.packetsReceived() - e0.packetsReceived()));
    }

    /** What the echo streams' listeners heard so far: frames played, ticks concealed, packets late or overflowing. */
    private static long[] heard(List<MediaStream> echoes) {
        long[] sum = new long[3];
        List<java.util.concurrent.CompletableFuture<dev.parley.rtp.SessionStatistics>> all = new ArrayList<>();
        for (MediaStream echo : echoes) { // all at once: one turn of each selector thread answers them
            all.add(echo.statisticsAsync().toCompletableFuture());
        }
        for (java.util.concurrent.CompletableFuture<dev.parley.rtp.SessionStatistics> f : all) {
            JitterBufferStats jb = f.join().jitterBuffer();
            sum[0] += jb.played();
            sum[1] += jb.concealed();
            sum[2] += jb.late() + jb.overflow();
        }
        return sum;
    }
}
