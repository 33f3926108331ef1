package dev.parley.bench.rtp;

import com.sun.management.OperatingSystemMXBean;
import dev.parley.codecs.Codecs;
import dev.parley.rtp.AudioSink;
import dev.parley.rtp.EngineConfig;
import dev.parley.rtp.EngineStatistics;
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
 * The load run with the engine on both sides ({@code --generator=engine}): N caller streams of one
 * engine send a tone to N echo streams of a second engine, which play it through their jitter
 * buffers and send it back. Both engines share the process and its cores, so the machine does the
 * full work of two media servers.
 */
final class TwoEngineRun {

    private TwoEngineRun() {
    }

    static String header() {
        return "| streams | packets/s each way | loss caller→echo | loss echo→caller | CPU (of 2 cores) "
                + "| CPU µs per packet sent or received | media threads' CPU µs per packet | media threads' bytes "
                + "allocated per packet | of which in the kernel | wake-ups per packet | send failures | ticks skipped |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
    }

    static void run(int n, int seconds, int threads) throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        EchoPair.sending = true;
        try (MediaEngine callers = MediaEngine.start(EngineConfig.defaults(lo).withThreads(threads)
                .withPorts(20_000, 29_999).withSocketBuffers(1 << 20));
                MediaEngine echoes = MediaEngine.start(EngineConfig.defaults(lo).withThreads(threads)
                        .withPorts(30_000, 39_999).withSocketBuffers(1 << 20))) {
            List<MediaStream> a = new ArrayList<>(n);
            List<MediaStream> b = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                MediaStream caller = callers.open(SessionOptions.defaults("c" + i + "@load"), EchoPair.tone(),
                        AudioSink.discard(), new SessionListener() { });
                EchoPair.Echo echo = new EchoPair.Echo();
                MediaStream echoStream = echoes.open(SessionOptions.defaults("e" + i + "@load"), echo, echo,
                        new SessionListener() { });
                a.add(caller);
                b.add(echoStream);
            }
            for (int i = 0; i < n; i++) {
                a.get(i).configure(MediaConfig.of(Codecs.PCMU, new InetSocketAddress(lo, b.get(i).localRtpPort())));
                b.get(i).configure(MediaConfig.of(Codecs.PCMU, new InetSocketAddress(lo, a.get(i).localRtpPort())));
            }
            Thread.sleep(2_000); // warm-up
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            EngineStatistics c0 = callers.statistics();
            EngineStatistics e0 = echoes.statistics();
            MediaThreads media = MediaThreads.find();
            long[] media0 = media.cpuAndAllocated();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long cpu1 = os.getProcessCpuTime();
            long t1 = System.nanoTime();
            long[] media1 = media.cpuAndAllocated();
            EngineStatistics c1 = callers.statistics();
            EngineStatistics e1 = echoes.statistics();
            EchoPair.sending = false;
            Thread.sleep(1_000); // let the last packets land
            EngineStatistics cf = callers.statistics();
            EngineStatistics ef = echoes.statistics();
            double pps = (c1.packetsSent() - c0.packetsSent()) / ((t1 - t0) / 1e9);
            // Every stream drops its source's first packet in RFC 3550 §A.1 probation: count it as received.
            double lossAB = 100.0 * (cf.packetsSent() - ef.packetsReceived() - n) / cf.packetsSent();
            double lossBA = 100.0 * (ef.packetsSent() - cf.packetsReceived() - n) / ef.packetsSent();
            double cpu = 100.0 * (cpu1 - cpu0) / (double) (t1 - t0) / Runtime.getRuntime().availableProcessors();
            // CPU per packet: process CPU over every packet sent plus every packet received, both engines.
            long handled = c1.packetsSent() - c0.packetsSent() + e1.packetsSent() - e0.packetsSent()
                    + c1.packetsReceived() - c0.packetsReceived() + e1.packetsReceived() - e0.packetsReceived();
            double usPerPacket = (cpu1 - cpu0) / 1000.0 / handled;
            // The selector threads alone (no JIT, GC or this harness): the engine's own cost.
            double mediaUsPerPacket = (media1[0] - media0[0]) / 1000.0 / handled;
            double mediaBytesPerPacket = (media1[1] - media0[1]) / (double) handled;
            long mediaCpu = media1[0] - media0[0];
            double kernelShare = mediaCpu == 0 ? 0 : 100.0 * (mediaCpu - (media1[2] - media0[2])) / mediaCpu;
            double wakeUps = (media1[3] - media0[3]) / (double) handled;
            System.out.printf("| %d | %.0f | %.3f%% | %.3f%% | %.0f%% | %.1f | %.2f | %.1f | %.0f%% | %.2f | %d | %d |%n", n,
                    pps, lossAB, lossBA, cpu, usPerPacket, mediaUsPerPacket, mediaBytesPerPacket, kernelShare, wakeUps,
                    cf.sendFailures() + ef.sendFailures(), cf.ticksSkipped() + ef.ticksSkipped());
        }
    }
}
