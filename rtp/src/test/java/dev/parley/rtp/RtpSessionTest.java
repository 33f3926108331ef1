package dev.parley.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.Codecs;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RtpSessionTest {

    private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 10_000);
    private static final InetSocketAddress B = new InetSocketAddress("127.0.0.1", 20_000);
    private static final InetSocketAddress THIRD = new InetSocketAddress("127.0.0.1", 30_000);

    private VirtualNetwork net;
    private RtpSession a;
    private RtpSession b;
    private final List<short[]> heardByB = new ArrayList<>();
    private final List<String> eventsAtB = new ArrayList<>();
    private final List<String> eventsAtA = new ArrayList<>();
    private boolean aSpeaks = true;

    @BeforeEach
    void setUp() {
        net = new VirtualNetwork(30_000_000L);
        a = newSession(A, 1, (pcm, n) -> {
            for (int i = 0; i < n; i++) {
                pcm[i] = (short) (1000 * Math.sin(i / 5.0));
            }
            return aSpeaks;
        }, AudioSink.discard(), eventsAtA, SessionOptions.defaults("a@test").withLocalRtp(A));
        b = newSession(B, 2, AudioSource.silent(), (pcm, n) -> heardByB.add(pcm.clone()), eventsAtB,
                SessionOptions.defaults("b@test").withLocalRtp(B));
        a.configure(MediaConfig.of(Codecs.PCMU, B));
        b.configure(MediaConfig.of(Codecs.PCMU, A));
    }

    private RtpSession newSession(InetSocketAddress addr, long seed, AudioSource src, AudioSink sink, List<String> events,
            SessionOptions options) {
        SessionListener listener = new SessionListener() {
            @Override
            public void onTelephoneEvent(int event, int durationMillis) {
                events.add("event " + event + " " + durationMillis);
            }

            @Override
            public void onSsrcCollision(int oldSsrc, int newSsrc) {
                events.add("collision");
            }

            @Override
            public void onRemoteBye(int ssrc, String reason) {
                events.add("bye");
            }

            @Override
            public void onLatched(InetSocketAddress remote) {
                events.add("latched " + remote.getPort());
            }
        };
        RtpSession s = new RtpSession(options, net.outputFor(addr), net, new SplittableRandom(seed), src, sink, listener);
        net.bind(addr, s);
        return s;
    }

    private static RtpPacket rtp(VirtualNetwork.Datagram d) {
        return new RtpPacket().wrap(ByteBuffer.wrap(d.bytes()), 0, d.bytes().length);
    }

    @Test
    void audioFlows_withRandomStartValues_andMarkerOnTalkspurtStart() {
        net.run(10, a, b);
        aSpeaks = false;
        net.run(5, a, b);
        aSpeaks = true;
        net.run(50, a, b);
        List<VirtualNetwork.Datagram> sent = net.sentFrom(A, false);
        assertEquals(60, sent.size());
        RtpPacket first = rtp(sent.get(0));
        assertEquals(a.ssrc(), first.ssrc());
        assertTrue(first.marker());
        assertFalse(rtp(sent.get(1)).marker());
        assertTrue(rtp(sent.get(10)).marker(), "first packet after silence starts a talkspurt");
        // RFC 3550 §5.1: timestamps advance by the frame size, including over the silent gap.
        assertEquals(160 * 6, rtp(sent.get(10)).timestamp() - rtp(sent.get(9)).timestamp());
        assertEquals((rtp(sent.get(0)).sequenceNumber() + 10) & 0xFFFF, rtp(sent.get(10)).sequenceNumber());
        assertNotEquals(a.ssrc(), b.ssrc());
        SessionStatistics stats = b.statistics();
        assertEquals(a.ssrc(), stats.remoteSsrc());
        assertTrue(stats.jitterBuffer().played() > 30, stats.toString());
        assertTrue(heardByB.stream().anyMatch(pcm -> Math.abs(pcm[5]) > 500), "B heard A's tone");
    }

    @Test
    void telephoneEvent_sentPerRfc4733_andReportedOnce() {
        net.run(5, a, b);
        assertTrue(a.sendTelephoneEvent(5, 100));
        net.run(20, a, b);
        List<RtpPacket> events = net.sentFrom(A, false).stream().map(RtpSessionTest::rtp)
                .filter(p -> p.payloadType() == 101).toList();
        // 100 ms at 20 ms per packet: durations 160..800, the last three with E set.
        assertEquals(5 + 2, events.size());
        assertTrue(events.get(0).marker());
        assertTrue(events.stream().allMatch(p -> p.timestamp() == events.get(0).timestamp()));
        long ends = events.stream().filter(p -> TelephoneEvent.endOf(TelephoneEvent.peek(p.buffer(),
                p.payloadOffset(), p.payloadLength()))).count();
        assertEquals(3, ends);
        assertEquals(List.of("event 5 100"), eventsAtB);
    }

    @Test
    void telephoneEvent_withAllEndPacketsLost_isReportedAfterTimeout() {
        net.run(5, a, b);
        net.drop = d -> d.bytes().length == 16 && (d.bytes()[13] & 0x80) != 0; // E bit set
        a.sendTelephoneEvent(11, 60);
        net.run(40, a, b);
        assertEquals(List.of("event 11 40"), eventsAtB);
    }

    @Test
    void rtcp_reportsFlowAndRoundTripIsMeasured() {
        net.run(1000, a, b); // 20 s
        assertTrue(a.statistics().rtcpSent() >= 2);
        SessionStatistics sb = b.statistics();
        assertTrue(sb.rtcpReceived() >= 2);
        // Two 30 ms hops.
        long rtt = a.statistics().roundTripNanos();
        assertTrue(Math.abs(rtt - 60_000_000L) < 2_000_000L, "rtt " + rtt);
        VirtualNetwork.Datagram report = net.sentFrom(A, true).get(0);
        assertEquals(RtcpPacket.SR, report.bytes()[1] & 0xFF);
        // RFC 3550 §6.4.1: the SR's RTP timestamp is that of the last frame sent in the same tick.
        SenderReport sr = (SenderReport) RtcpParser.parseCompound(ByteBuffer.wrap(report.bytes()), 0,
                report.bytes().length).get(0);
        VirtualNetwork.Datagram lastRtp = net.sent.stream().filter(d -> !d.rtcp() && d.from().equals(A)
                && d.at() <= report.at()).reduce((x, y) -> y).orElseThrow();
        assertEquals(rtp(lastRtp).timestamp(), sr.rtpTimestamp());
        assertEquals(A.getPort() + 1, report.from().getPort());
        assertEquals(B.getPort() + 1, report.to().getPort());
    }

    @Test
    void lossIsCountedInStatisticsAndConcealed() {
        int[] n = {0};
        net.drop = d -> !d.rtcp() && d.from().equals(A) && n[0]++ % 10 == 5;
        net.run(200, a, b);
        SessionStatistics s = b.statistics();
        assertTrue(s.cumulativeLost() >= 18 && s.cumulativeLost() <= 20, s.toString());
        assertTrue(s.jitterBuffer().lost() >= 15, s.jitterBuffer().toString());
    }

    @Test
    void ssrcCollision_fromAnotherAddress_changesOurSsrcAndSaysBye() {
        net.run(5, a, b);
        int old = b.ssrc();
        byte[] fake = packetWithSsrc(old);
        net.inject(THIRD, B, fake);
        net.run(1, a, b);
        assertNotEquals(old, b.ssrc());
        assertEquals(List.of("collision"), eventsAtB);
        assertEquals(1, b.statistics().dropped().get(DropReason.SSRC_CONFLICT));
        VirtualNetwork.Datagram bye = net.sentFrom(B, true).get(net.sentFrom(B, true).size() - 1);
        List<RtcpPacket> compound = RtcpParser.parseCompound(ByteBuffer.wrap(bye.bytes()), 0, bye.bytes().length);
        assertEquals(new Bye(List.of(old), null), compound.get(compound.size() - 1));
    }

    @Test
    void ownPacketsLoopedBack_areCountedAsLoop() {
        net.inject(B, B, packetWithSsrc(b.ssrc()));
        net.run(1, a, b);
        assertEquals(1, b.statistics().dropped().get(DropReason.LOOP));
    }

    @Test
    void latching_sendsToWhereMediaComesFrom_andRemoteCanChangeAtRunTime() {
        RtpSession c = newSession(THIRD, 3, AudioSource.silent(), AudioSink.discard(), new ArrayList<>(),
                SessionOptions.defaults("c@test").withLatching(true));
        c.configure(MediaConfig.of(Codecs.PCMU, new InetSocketAddress("127.0.0.1", 9)).withDirections(true, true));
        a.configure(MediaConfig.of(Codecs.PCMU, THIRD));
        net.run(3, a, c);
        c.sendTelephoneEvent(1, 40);
        net.run(5, a, c);
        assertTrue(net.sentFrom(THIRD, false).stream().allMatch(d -> d.to().equals(A)));
        net.run(500, a, c); // RTCP: C latches to A's RTCP source after A's first report
        List<VirtualNetwork.Datagram> reports = net.sentFrom(THIRD, true);
        assertTrue(reports.size() >= 2);
        assertEquals(new InetSocketAddress("127.0.0.1", A.getPort() + 1), reports.get(reports.size() - 1).to());
        // re-INVITE: A now sends to B
        a.configure(a.config().withRemote(B, null));
        int before = net.sentFrom(A, false).size();
        net.run(3, a, b, c);
        assertTrue(net.sentFrom(A, false).stream().skip(before).allMatch(d -> d.to().equals(B)));
    }

    @Test
    void hold_stopsSending_andRtcpMuxSendsReportsToTheRtpPort() {
        a.configure(a.config().withDirections(false, true).withRtcpMux(true));
        b.configure(b.config().withRtcpMux(true));
        net.run(500, a, b);
        assertEquals(0, net.sentFrom(A, false).stream().filter(d -> d.bytes()[1] != (byte) 0xC9
                && d.bytes()[1] != (byte) 0xC8).count());
        List<VirtualNetwork.Datagram> muxed = net.sent.stream().filter(d -> d.from().equals(A)).toList();
        assertFalse(muxed.isEmpty());
        assertTrue(muxed.stream().allMatch(d -> d.to().equals(B)));
        assertTrue(b.statistics().rtcpReceived() > 0);
        assertEquals(0, b.statistics().droppedTotal());
    }

    @Test
    void closeBeforeTheFirstTick_doesNotThrow_andSendsNothing() {
        // RFC 3550 §6.6: a participant that never sent RTP owes no BYE; closing early is legal.
        a.close(net.nanoTime());
        net.run(10, a, b);
        assertTrue(net.sent.stream().noneMatch(d -> d.from().equals(A)));
        assertTrue(a.closed());
    }

    @Test
    void close_sendsBye_andStopsSending() {
        net.run(10, a, b);
        a.close(net.nanoTime());
        int after = net.sent.size();
        net.run(10, a, b);
        assertTrue(net.sent.stream().skip(after).noneMatch(d -> d.from().equals(A)));
        assertEquals(List.of("bye"), eventsAtB);
    }

    @Test
    void longerPtimeFromThePeer_isSplitIntoFrames_andRaggedPayloadsAreDropped() {
        ByteBuffer buf = ByteBuffer.allocate(600);
        RtpPacketWriter w = new RtpPacketWriter().payloadType(0).ssrc(77);
        for (int i = 0; i < 20; i++) { // 40 ms packets: 320 bytes, timestamps 320 apart
            buf.clear();
            int n = w.sequenceNumber(i).timestamp(i * 320).marker(i == 0).write(buf, new byte[320], 0, 320);
            net.inject(THIRD, B, java.util.Arrays.copyOf(buf.array(), n));
            net.run(2, b);
        }
        buf.clear();
        int n = w.sequenceNumber(20).timestamp(20 * 320).write(buf, new byte[250], 0, 250);
        net.inject(THIRD, B, java.util.Arrays.copyOf(buf.array(), n));
        net.run(10, b);
        SessionStatistics s = b.statistics();
        assertEquals(1, s.dropped().get(DropReason.FRAME_SIZE));
        // 19 packets after probation, two frames each, nearly all played rather than concealed.
        assertTrue(s.jitterBuffer().received() == 38, s.jitterBuffer().toString());
        assertTrue(s.jitterBuffer().played() >= 36, s.jitterBuffer().toString());
    }

    private static byte[] packetWithSsrc(int ssrc) {
        ByteBuffer buf = ByteBuffer.allocate(200);
        int n = new RtpPacketWriter().payloadType(0).ssrc(ssrc).sequenceNumber(1).timestamp(1).write(buf,
                new byte[160], 0, 160);
        byte[] out = new byte[n];
        buf.flip().get(out);
        return out;
    }
}
