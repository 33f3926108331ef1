package dev.parley.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.Codecs;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 5 end to end over the virtual network: A holds B (A sendonly, B recvonly) for a while,
 * then takes the call off hold. B's first packet after the hold starts a talkspurt (marker, RFC
 * 3551 §4.1) with the timestamp that kept advancing (RFC 3550 §5.1), and A hears B again at its
 * usual delay, not the length of the hold later.
 */
class RtpSessionHoldTest {

    private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 10_000);
    private static final InetSocketAddress B = new InetSocketAddress("127.0.0.1", 20_000);

    private final VirtualNetwork net = new VirtualNetwork(30_000_000L);
    private final List<Boolean> aHeardTone = new ArrayList<>();

    private RtpSession session(InetSocketAddress addr, long seed, AudioSource src, AudioSink sink) {
        RtpSession s = new RtpSession(SessionOptions.defaults(addr.getPort() + "@test").withLocalRtp(addr),
                net.outputFor(addr), net, new SplittableRandom(seed), src, sink, new SessionListener() { });
        net.bind(addr, s);
        return s;
    }

    @ParameterizedTest(name = "hold {0} ticks")
    @ValueSource(ints = {25, 50, 75, 150})
    void afterUnhold_markerStartsTalkspurt_andToneIsHeardWithin300ms_withoutLoss(int holdTicks) {
        RtpSession a = session(A, 1, AudioSource.silent(), (pcm, n) -> aHeardTone.add(Math.abs(pcm[5]) > 500));
        RtpSession b = session(B, 2, (pcm, n) -> {
            for (int i = 0; i < n; i++) {
                pcm[i] = (short) (4000 * Math.sin(i / 5.0));
            }
            return true;
        }, AudioSink.discard());
        a.configure(MediaConfig.of(Codecs.PCMU, B));
        b.configure(MediaConfig.of(Codecs.PCMU, A));
        net.run(100, a, b);
        // Hold: A offers sendonly, B answers recvonly (RFC 3264 §8.4).
        a.configure(a.config().withDirections(true, false));
        b.configure(b.config().withDirections(false, true));
        net.run(holdTicks, a, b);
        int sentBeforeUnhold = net.sentFrom(B, false).size();
        a.configure(a.config().withDirections(true, true));
        b.configure(b.config().withDirections(true, true));
        int heardBefore = aHeardTone.size();
        net.run(100, a, b);

        List<VirtualNetwork.Datagram> fromB = net.sentFrom(B, false);
        RtpPacket last = rtp(fromB.get(sentBeforeUnhold - 1));
        RtpPacket resumed = rtp(fromB.get(sentBeforeUnhold));
        assertTrue(resumed.marker(), "first packet after the hold starts a talkspurt");
        assertEquals(160L * (holdTicks + 1), (resumed.timestamp() - last.timestamp()) & 0xFFFF_FFFFL,
                "the timestamp kept advancing with the clock over the hold");
        int firstTone = aHeardTone.subList(heardBefore, aHeardTone.size()).indexOf(true);
        assertTrue(firstTone >= 0 && firstTone * 20 <= 300, "A heard B " + firstTone * 20 + " ms after unhold");
        JitterBufferStats s = a.statistics().jitterBuffer();
        assertEquals(0, s.lost(), s.toString());
        assertTrue(s.currentDelayNanos() <= s.targetDelayNanos() + 45_000_000L, s.toString());
    }

    private static RtpPacket rtp(VirtualNetwork.Datagram d) {
        return new RtpPacket().wrap(ByteBuffer.wrap(d.bytes()), 0, d.bytes().length);
    }
}
