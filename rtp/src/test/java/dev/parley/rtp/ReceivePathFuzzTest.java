package dev.parley.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.parley.codecs.Codecs;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutational fuzzer over the receive path: valid RTP (CSRCs, RFC 8285 extensions,
 * padding), RTCP compounds and RFC 4733 packets are bit-flipped, overwritten, truncated, extended
 * and spliced, then fed to a live session on both ports. Properties: nothing but
 * {@link RtpParseException} leaves a parser; nothing at all leaves the session; every datagram is
 * accepted or counted as dropped; every RTCP compound that parses re-encodes to an equal one.
 */
class ReceivePathFuzzTest {

    private static final int INPUTS = 1_000_000;
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40_000);

    /** Inputs that once broke a property, replayed on every build. */
    private static final List<String> REGRESSIONS = List.of(
            "80c8000000000001", // SR whose length leaves no room for the sender info
            "81ca00010000000101ff", // SDES item longer than the packet
            "90000001000000010000000200000000", // extension header cut short
            "80c90001000000018fcb0000"); // BYE claiming 15 sources in an empty body

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.allocate(1500);
        RtpPacketWriter w = new RtpPacketWriter().payloadType(0).ssrc(0x1234).sequenceNumber(7).timestamp(160);
        seeds.add(take(buf, w.write(buf, new byte[160], 0, 160)));
        w.marker(true).csrcs(new int[] {1, 2, 3}, 3).addExtension(1, new byte[] {1, 2}, 0, 2).addExtension(14,
                new byte[16], 0, 16);
        seeds.add(take(buf, w.write(buf, new byte[160], 0, 160)));
        w.clearExtensions().addExtension(200, new byte[30], 0, 30).addExtension(2, new byte[0], 0, 0);
        seeds.add(take(buf, w.write(buf, new byte[20], 0, 20)));
        ByteBuffer ev = ByteBuffer.allocate(4);
        new TelephoneEvent(5, true, 10, 800).encodeTo(ev);
        seeds.add(take(buf, new RtpPacketWriter().payloadType(101).ssrc(0x1234).sequenceNumber(8).write(buf,
                ev.array(), 0, 4)));
        seeds.add(HexFormat.of().parseHex("a0000009000001e00000123401020300000004")); // padded RTP
        ReportBlock block = new ReportBlock(0x55, 3, 4, 5, 6, 7, 8);
        RtcpParser.encodeCompound(List.of(new SenderReport(0x1234, 1L << 40, 1, 2, 3, List.of(block, block)),
                SourceDescription.cname(0x1234, "fuzz@test"), new Bye(List.of(0x1234, 9), "bye now")), buf);
        seeds.add(take(buf, buf.position()));
        RtcpParser.encodeCompound(List.of(new ReceiverReport(0x1234, List.of(block)),
                new UnknownRtcpPacket(206, 1, new byte[12])), buf);
        seeds.add(take(buf, buf.position()));
        return seeds;
    }

    private static byte[] take(ByteBuffer buf, int n) {
        byte[] b = Arrays.copyOf(buf.array(), n);
        buf.clear();
        return b;
    }

    private static byte[] mutate(List<byte[]> seeds, SplittableRandom rnd) {
        byte[] in = seeds.get(rnd.nextInt(seeds.size())).clone();
        int rounds = 1 + rnd.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            switch (rnd.nextInt(6)) {
                case 0 -> { // flip a bit
                    if (in.length > 0) {
                        in[rnd.nextInt(in.length)] ^= (byte) (1 << rnd.nextInt(8));
                    }
                }
                case 1 -> { // overwrite a byte with a boundary value
                    if (in.length > 0) {
                        int[] v = {0, 1, 0x7F, 0x80, 0xFF, 0x0F, 0x10, 0xC8, 0xC9, 0xBE, 0xDE};
                        in[rnd.nextInt(in.length)] = (byte) v[rnd.nextInt(v.length)];
                    }
                }
                case 2 -> in = Arrays.copyOf(in, rnd.nextInt(in.length + 1)); // truncate
                case 3 -> { // extend with random bytes
                    int old = in.length;
                    in = Arrays.copyOf(in, old + rnd.nextInt(1, 40));
                    for (int i = old; i < in.length; i++) {
                        in[i] = (byte) rnd.nextInt(256);
                    }
                }
                case 4 -> { // splice: head of this one, tail of another
                    byte[] other = seeds.get(rnd.nextInt(seeds.size()));
                    int cut = rnd.nextInt(in.length + 1);
                    int from = rnd.nextInt(other.length + 1);
                    byte[] out = Arrays.copyOf(in, cut + other.length - from);
                    System.arraycopy(other, from, out, cut, other.length - from);
                    in = out;
                }
                default -> { // corrupt a 16-bit length or count field near the start
                    if (in.length >= 4) {
                        int at = rnd.nextBoolean() ? 2 : 0;
                        in[at] = (byte) rnd.nextInt(256);
                    }
                }
            }
        }
        return in;
    }

    @Test
    void millionMutatedInputs_neverEscapeTheReceivePath_andAreAllCounted() {
        VirtualNetwork clock = new VirtualNetwork(0);
        RtpSession session = new RtpSession(SessionOptions.defaults("fuzz@test"), (p, to, rtcp) -> { }, clock,
                new SplittableRandom(1), AudioSource.silent(), AudioSink.discard(), new SessionListener() { });
        session.configure(MediaConfig.of(Codecs.PCMU, PEER));
        List<byte[]> seeds = seeds();
        SplittableRandom rnd = new SplittableRandom(20_261_123L);
        RtpPacket view = new RtpPacket();
        long now = 0;
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = mutate(seeds, rnd);
            ByteBuffer buf = ByteBuffer.wrap(input);
            view.check(buf, 0, input.length); // must not throw
            checkRtcpProperty(input);
            long before = session.accountedDatagrams();
            try {
                session.receive(buf, PEER, (i & 1) == 0, now);
            } catch (RuntimeException e) {
                fail("input " + HexFormat.of().formatHex(input) + " escaped the receive path", e);
            }
            assertTrue(session.accountedDatagrams() > before, () -> "not counted: " + HexFormat.of().formatHex(input));
            if ((i & 63) == 0) {
                now += 20_000_000L;
                session.tick(now);
            }
        }
        SessionStatistics s = session.statistics();
        assertTrue(s.dropped().get(DropReason.INVALID_RTP) > 0 && s.dropped().get(DropReason.INVALID_RTCP) > 0, s.toString());
    }

    @Test
    void committedCrashers_areRejectedWithTheTypedError() {
        for (String hex : REGRESSIONS) {
            byte[] in = HexFormat.of().parseHex(hex);
            checkRtcpProperty(in);
            assertEquals(RtpParseException.Reason.class, parseReason(in).getClass());
        }
    }

    private static Object parseReason(byte[] in) {
        try {
            RtcpParser.parseCompound(ByteBuffer.wrap(in), 0, in.length);
            RtpParseException.Reason r = new RtpPacket().check(ByteBuffer.wrap(in), 0, in.length);
            return r == null ? RtpParseException.Reason.BAD_CONTENT : r;
        } catch (RtpParseException e) {
            return e.reason();
        }
    }

    private static void checkRtcpProperty(byte[] input) {
        List<RtcpPacket> parsed;
        try {
            parsed = RtcpParser.parseCompound(ByteBuffer.wrap(input), 0, input.length);
        } catch (RtpParseException expected) {
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("RTCP parser threw " + e + " on " + HexFormat.of().formatHex(input), e);
        }
        ByteBuffer out = ByteBuffer.allocate(input.length * 4 + 64);
        int n = RtcpParser.encodeCompound(parsed, out);
        assertEquals(parsed, RtcpParser.parseCompound(out, 0, n), () -> "round trip of " + HexFormat.of().formatHex(input));
    }
}
