package dev.parley.rtp;

import dev.parley.codecs.AudioDecoder;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The receiving half of an {@link RtpSession}: demultiplexes RTP and RTCP (RFC 5761 §4), validates,
 * keeps the source table with per-source statistics (RFC 3550 §6.4, §8.2, Appendix A), feeds the
 * jitter buffer and the RFC 4733 event receiver, and plays one frame per tick. Drops and counts
 * every bad datagram; never throws. No allocation per RTP packet.
 */
final class RtpReceiver {

    /** Sources not heard for this long give their slot to a new one. */
    private static final long SOURCE_TIMEOUT_NANOS = 5_000_000_000L;
    /** Frames one packet may carry when the peer's ptime is longer than ours (120 ms at 20 ms). */
    private static final int MAX_FRAMES_PER_PACKET = 6;
    private static final System.Logger LOG = System.getLogger(RtpReceiver.class.getName());

    /** One remote source (RFC 3550 §8.2 source table entry). */
    private static final class Source {
        final ReceiverStatistics stats;
        final InetSocketAddress address;
        long lastHeard;

        Source(ReceiverStatistics stats, InetSocketAddress address) {
            this.stats = stats;
            this.address = address;
        }
    }

    private final RtpSession session;
    private final SessionOptions options;
    private final AudioSink sink;
    private final SessionListener listener;
    private final RtpPacket view = new RtpPacket();
    private final long[] dropped = new long[DropReason.values().length];
    private final Source[] sources;
    private final TelephoneEventReceiver events;
    private final TelephoneEventReceiver.Sink eventSink;
    private int sourceCount;
    private MediaConfig config;
    private AudioDecoder decoder;
    private JitterBuffer jitterBuffer;
    private short[] pcm = new short[0];
    private int playingSsrc;
    private boolean playingSet;
    private long playingLastHeard;
    private boolean latched;
    private boolean rtcpLatched;
    private long packetsReceived;
    private long rtcpReceived;
    private long roundTrip = -1;
    private long codecErrors;
    private int remoteFractionLost;

    RtpReceiver(RtpSession session, SessionOptions options, AudioSink sink, SessionListener listener) {
        this.session = session;
        this.options = options;
        this.sink = sink;
        this.listener = listener;
        this.sources = new Source[options.maxSources()];
        this.events = new TelephoneEventReceiver(options.eventTimeoutNanos());
        this.eventSink = (event, units) -> listener.onTelephoneEvent(event,
                (int) ((long) units * 1000 / config.codec().rtpClockRate()));
    }

    void configure(MediaConfig cfg, MediaConfig old) {
        config = cfg;
        if (old == null || old.codec() != cfg.codec() || old.ptimeMillis() != cfg.ptimeMillis()) {
            decoder = cfg.codec().newDecoder();
            pcm = new short[cfg.codec().samplesPerFrame(cfg.ptimeMillis())];
            // Packets reach the buffer one frame at a time (longer ones are split in receiveRtp):
            // slots of one frame keep 2,000 streams' buffers in 20 MB instead of 160 MB.
            jitterBuffer = new JitterBuffer(JitterBufferConfig.adaptive(cfg.codec().rtpClockRate(), cfg.ptimeMillis())
                    .withMaxPayload(cfg.codec().encodedLength(pcm.length)));
            playingSet = false;
        }
    }

    /** A new remote address (re-INVITE): forget sources and latch again. */
    void remoteChanged() {
        latched = false;
        rtcpLatched = false;
        java.util.Arrays.fill(sources, null);
        sourceCount = 0;
        playingSet = false;
    }

    int sourceCount() {
        return sourceCount;
    }

    void receive(ByteBuffer buf, InetSocketAddress from, boolean rtcpPort, long now) {
        int off = buf.position();
        int len = buf.remaining();
        int second = len >= 2 ? buf.get(off + 1) & 0xFF : 0;
        // RFC 5761 §4: a second octet of 192–223 is an RTCP packet type (RTP PTs 64–95 are not used).
        if (rtcpPort || (second >= 192 && second <= 223)) {
            receiveRtcp(buf, off, len, from, rtcpPort, now);
        } else {
            receiveRtp(buf, off, len, from, now);
        }
    }

    private void drop(DropReason reason) {
        dropped[reason.ordinal()]++;
    }

    private void receiveRtp(ByteBuffer buf, int off, int len, InetSocketAddress from, long now) {
        if (view.check(buf, off, len) != null) {
            drop(DropReason.INVALID_RTP);
            return;
        }
        if (options.latching()) {
            if (!latched) {
                latched = true;
                session.latchTo(from);
            } else if (!from.equals(session.sendRtpTo())) {
                drop(DropReason.UNEXPECTED_ADDRESS);
                return;
            }
        }
        int ssrc = view.ssrc();
        if (ssrc == session.ssrc()) {
            // RFC 3550 §8.2: our own SSRC from our own address is a loop; from elsewhere, a collision.
            if (from.equals(options.localRtp())) {
                drop(DropReason.LOOP);
            } else {
                session.changeSsrcAfterCollision(now);
                drop(DropReason.SSRC_CONFLICT);
            }
            return;
        }
        Source source = findOrAdd(ssrc, from, now);
        if (source == null) {
            return;
        }
        if (!source.address.equals(from)) {
            drop(DropReason.SSRC_CONFLICT); // RFC 3550 §8.2: a known SSRC from another address
            return;
        }
        source.lastHeard = now;
        if (!source.stats.onPacket(view.sequenceNumber(), view.timestamp(), now)) {
            drop(DropReason.SEQUENCE);
            return;
        }
        packetsReceived++;
        int pt = view.payloadType();
        if (!config.receive()) {
            drop(DropReason.NOT_RECEIVING);
        } else if (pt == config.telephoneEventPayloadType()) {
            long word = TelephoneEvent.peek(buf, view.payloadOffset(), view.payloadLength());
            if (word < 0) {
                drop(DropReason.INVALID_EVENT);
            } else {
                events.onPacket(view.timestamp(), word, now, eventSink);
            }
        } else if (pt == config.payloadType()) {
            int frameBytes = config.codec().encodedLength(pcm.length);
            int frames = view.payloadLength() / Math.max(1, frameBytes);
            // Lenient: a peer sending a longer ptime than negotiated (RFC 4566 §6: a=ptime is a
            // preference) gets its packet split into frames; anything else longer is dropped.
            if (view.payloadLength() > frameBytes
                    && (frames > MAX_FRAMES_PER_PACKET || frames * frameBytes != view.payloadLength())) {
                drop(DropReason.FRAME_SIZE);
                return;
            }
            if (!playingSet || playingSsrc != ssrc && now - playingLastHeard > 3 * config.ptimeNanos()) {
                playingSet = true; // a new source takes over the playout once the old one is quiet
                playingSsrc = ssrc;
                jitterBuffer.reset();
            }
            if (playingSsrc == ssrc) {
                playingLastHeard = now;
                if (view.payloadLength() <= frameBytes) {
                    jitterBuffer.put(view.timestamp(), view.marker(), buf, view.payloadOffset(), view.payloadLength(),
                            now);
                } else {
                    int units = config.codec().rtpTimestampsPerFrame(config.ptimeMillis());
                    for (int i = 0; i < frames; i++) {
                        jitterBuffer.put(view.timestamp() + i * units, view.marker() && i == 0, buf,
                                view.payloadOffset() + i * frameBytes, frameBytes, now);
                    }
                }
            } else {
                drop(DropReason.SSRC_CONFLICT);
            }
        } else {
            drop(DropReason.UNKNOWN_PAYLOAD_TYPE);
        }
    }

    private Source findOrAdd(int ssrc, InetSocketAddress from, long now) {
        int free = -1;
        for (int i = 0; i < sources.length; i++) {
            Source s = sources[i];
            if (s == null) {
                free = free < 0 ? i : free;
            } else if (s.stats.ssrc() == ssrc) {
                return s;
            } else if (free < 0 && now - s.lastHeard > SOURCE_TIMEOUT_NANOS) {
                free = i; // RFC 3550 §6.3.5: a silent source times out
            }
        }
        if (free < 0) {
            drop(DropReason.TOO_MANY_SOURCES);
            return null;
        }
        if (sources[free] == null) {
            sourceCount++;
        }
        Source s = new Source(new ReceiverStatistics(ssrc, config.codec().rtpClockRate(), view.sequenceNumber()), from);
        s.lastHeard = now;
        sources[free] = s;
        return s;
    }

    private Source find(int ssrc) {
        for (Source s : sources) {
            if (s != null && s.stats.ssrc() == ssrc) {
                return s;
            }
        }
        return null;
    }

    private void receiveRtcp(ByteBuffer buf, int off, int len, InetSocketAddress from, boolean rtcpPort, long now) {
        List<RtcpPacket> packets;
        try {
            packets = RtcpParser.parseCompound(buf, off, len);
        } catch (RtpParseException e) {
            drop(DropReason.INVALID_RTCP);
            return;
        }
        rtcpReceived++;
        if (options.latching() && rtcpPort && !rtcpLatched) {
            rtcpLatched = true; // latching: reports go back where the peer's reports come from
            session.latchRtcpTo(from);
        }
        for (RtcpPacket p : packets) {
            if (p instanceof SenderReport sr) {
                Source s = find(sr.ssrc());
                if (s != null) {
                    s.stats.onSenderReport(sr.ntpTimestamp(), now);
                }
                reportsAboutUs(sr.reports(), now);
            } else if (p instanceof ReceiverReport rr) {
                reportsAboutUs(rr.reports(), now);
            } else if (p instanceof Bye bye) {
                for (int gone : bye.ssrcs()) {
                    removeSource(gone, bye.reason());
                }
            } else if (p instanceof SourceDescription sdes
                    && options.cname().equals(sdes.cnameOf(session.ssrc()))) {
                drop(DropReason.LOOP); // RFC 3550 §8.2: our own SSRC and CNAME came back
            }
        }
    }

    private void reportsAboutUs(List<ReportBlock> blocks, long now) {
        for (ReportBlock block : blocks) {
            if (block.ssrc() == session.ssrc()) {
                remoteFractionLost = block.fractionLost();
                int arrival = (int) (session.clock().ntpTimestamp(now) >>> 16);
                long rtt = ReceiverStatistics.roundTripNanos(block, arrival);
                if (rtt >= 0) {
                    roundTrip = rtt;
                    listener.onRoundTrip(rtt);
                }
            }
        }
    }

    private void removeSource(int ssrc, String reason) {
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] != null && sources[i].stats.ssrc() == ssrc) {
                sources[i] = null;
                sourceCount--;
                if (playingSet && playingSsrc == ssrc) {
                    playingSet = false;
                }
                listener.onRemoteBye(ssrc, reason);
            }
        }
    }

    /** One tick of playout: a decoded, concealed or silent frame goes to the sink. */
    void playout(long now, int samples) {
        events.onTick(now, eventSink);
        if (!config.receive()) {
            return;
        }
        int n;
        try {
            n = jitterBuffer.playout(now, decoder, pcm, samples);
        } catch (RuntimeException e) {
            // A codec is pluggable code: its failure costs one frame of silence, not the session.
            if (codecErrors++ == 0) {
                LOG.log(System.Logger.Level.WARNING, "codec " + config.codec().encodingName() + " failed", e);
            }
            decoder.reset();
            n = 0;
        }
        if (n < samples) {
            java.util.Arrays.fill(pcm, n, samples, (short) 0);
        }
        sink.write(pcm, samples);
    }

    /** RFC 3550 §6.4: a report block for each valid source (at most 31). */
    List<ReportBlock> reportBlocks(long now) {
        List<ReportBlock> blocks = new ArrayList<>(sourceCount);
        for (Source s : sources) {
            if (s != null && s.stats.valid() && blocks.size() < 31) {
                blocks.add(s.stats.report(now));
            }
        }
        return blocks;
    }

    /** Datagrams accepted plus datagrams dropped (a datagram may count in both). */
    long accounted() {
        long n = packetsReceived + rtcpReceived;
        for (long d : dropped) {
            n += d;
        }
        return n;
    }

    SessionStatistics statistics(int ssrc, long packetsSent, long octetsSent, long rtcpSent) {
        Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            if (dropped[r.ordinal()] > 0) {
                drops.put(r, dropped[r.ordinal()]);
            }
        }
        Source playing = playingSet ? find(playingSsrc) : null;
        return new SessionStatistics(ssrc, packetsSent, octetsSent, packetsReceived, rtcpSent, rtcpReceived, drops,
                playing == null ? 0 : playingSsrc, playing == null ? 0 : playing.stats.cumulativeLost(),
                playing == null ? 0 : playing.stats.jitter(), roundTrip, remoteFractionLost, codecErrors,
                jitterBuffer == null ? null : jitterBuffer.stats());
    }
}
