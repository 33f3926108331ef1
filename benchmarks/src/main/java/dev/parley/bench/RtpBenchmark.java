package dev.parley.bench;

import dev.parley.rtp.ReceiverStatistics;
import dev.parley.rtp.RtpPacket;
import dev.parley.rtp.RtpPacketWriter;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * RTP packet handling per packet: validating and reading a 20 ms G.711 packet through the
 * zero-copy view, writing one into a reused buffer, and the RFC 3550 Appendix A statistics update
 * (sequence + jitter) a receiver does for each packet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RtpBenchmark {

    private final RtpPacket view = new RtpPacket();
    private final RtpPacketWriter writer = new RtpPacketWriter().payloadType(0).ssrc(0x12345678);
    private final byte[] payload = new byte[160];
    private final ByteBuffer out = ByteBuffer.allocateDirect(1500);
    private ByteBuffer packet;
    private ByteBuffer packetWithExtension;
    private ReceiverStatistics stats;
    private int seq;
    private long now;

    @Setup
    public void setUp() {
        ByteBuffer b = ByteBuffer.allocateDirect(1500);
        int n = new RtpPacketWriter().payloadType(0).ssrc(1).sequenceNumber(7).timestamp(1600)
                .write(b, payload, 0, 160);
        packet = b.limit(n);
        ByteBuffer e = ByteBuffer.allocateDirect(1500);
        int m = new RtpPacketWriter().payloadType(0).ssrc(1).sequenceNumber(7).timestamp(1600)
                .addExtension(1, new byte[] {1}, 0, 1).addExtension(3, new byte[3], 0, 3).write(e, payload, 0, 160);
        packetWithExtension = e.limit(m);
        stats = new ReceiverStatistics(1, 8000, 0);
    }

    @Benchmark
    public int parse() {
        view.check(packet, 0, packet.limit());
        return view.sequenceNumber() + view.timestamp() + view.ssrc() + view.payloadLength();
    }

    @Benchmark
    public int parseWithExtensions() {
        view.check(packetWithExtension, 0, packetWithExtension.limit());
        return view.sequenceNumber() + view.payloadOffset() + view.payloadLength();
    }

    @Benchmark
    public int write() {
        out.clear();
        seq++;
        return writer.sequenceNumber(seq).timestamp(seq * 160).write(out, payload, 0, 160);
    }

    @Benchmark
    public boolean statisticsUpdate() {
        seq++;
        now += 20_000_000L + (seq & 7) * 100_000L;
        return stats.onPacket(seq & 0xFFFF, seq * 160, now);
    }
}
