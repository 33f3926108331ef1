package dev.parley.rtp;

import dev.parley.codecs.AudioEncoder;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One RTP session carrying one audio stream: it sends a frame per {@link #tick}, hands received
 * datagrams to its {@link RtpReceiver}, and sends compound RTCP on the RFC 3550 §6.2/§6.3 schedule.
 *
 * <p>Not thread-safe: every call comes from one thread (the engine's selector thread for the
 * session, or a test). The clock and the random source are injected; nothing sleeps.
 */
public final class RtpSession {

    private static final int MAX_PACKET = 1500;
    private static final int PENDING_EVENTS = 16;

    private final SessionOptions options;
    private final PacketOutput out;
    private final MediaClock clock;
    private final RandomGenerator random;
    private final SessionListener listener;
    private final AudioSource source;
    private final RtpPacketWriter writer = new RtpPacketWriter();
    // Direct: a heap buffer handed to DatagramChannel.send is first copied into a temporary direct one.
    private final ByteBuffer sendBuf = ByteBuffer.allocateDirect(MAX_PACKET);
    private final byte[] encoded = new byte[MAX_PACKET];
    private final byte[] eventPayload = new byte[TelephoneEvent.LENGTH];
    private final TelephoneEventSender eventSender = new TelephoneEventSender();
    private final int[] pendingEvents = new int[PENDING_EVENTS * 2];
    private final RtpReceiver receiver;
    private final RtcpInterval rtcpInterval = new RtcpInterval(100);

    private MediaConfig config;
    private AudioEncoder encoder;
    private short[] pcm = new short[0];
    private int samplesPerFrame;
    private int unitsPerFrame;
    private InetSocketAddress sendRtpTo;
    private InetSocketAddress sendRtcpTo;
    private int ssrc;
    private int sequence;
    private int timestamp;
    private long lastTickNanos;
    private boolean talkspurt;
    private long packetsSent;
    private long octetsSent;
    private long sentAtLastReport;
    private boolean weSent;
    private long rtcpSent;
    private long nextRtcpAt = Long.MIN_VALUE;
    private int pendingHead;
    private int pendingCount;
    private boolean closed;

    public RtpSession(SessionOptions options, PacketOutput out, MediaClock clock, RandomGenerator random,
            AudioSource source, AudioSink sink, SessionListener listener) {
        this.options = options;
        this.out = out;
        this.clock = clock;
        this.random = random;
        this.source = source;
        this.listener = listener;
        // RFC 3550 §5.1: SSRC, initial sequence number and timestamp are random.
        this.ssrc = random.nextInt();
        this.sequence = random.nextInt(1 << 16);
        this.timestamp = random.nextInt();
        this.receiver = new RtpReceiver(this, options, sink, listener);
    }

    /**
     * Applies the negotiated media description. Call again on re-INVITE: a new remote address is
     * used at once (and re-latched), {@code send}/{@code receive} switch hold on and off.
     */
    public void configure(MediaConfig newConfig) {
        MediaConfig old = config;
        config = newConfig;
        if (old == null || old.codec() != newConfig.codec() || old.ptimeMillis() != newConfig.ptimeMillis()) {
            encoder = newConfig.codec().newEncoder();
            samplesPerFrame = newConfig.codec().samplesPerFrame(newConfig.ptimeMillis());
            unitsPerFrame = newConfig.codec().rtpTimestampsPerFrame(newConfig.ptimeMillis());
            pcm = new short[samplesPerFrame];
        }
        if (old == null || !java.util.Objects.equals(old.remoteRtp(), newConfig.remoteRtp())) {
            sendRtpTo = newConfig.remoteRtp();
            sendRtcpTo = null;
            receiver.remoteChanged();
        }
        receiver.configure(newConfig, old);
        talkspurt = false;
    }

    public MediaConfig config() {
        return config;
    }

    public int ssrc() {
        return ssrc;
    }

    /**
     * RFC 4733: queues telephone event {@code event} (0–15 for DTMF) of {@code durationMillis}.
     *
     * @return {@code false} if the queue is full or no telephone-event payload type was negotiated
     */
    public boolean sendTelephoneEvent(int event, int durationMillis) {
        if (config == null || config.telephoneEventPayloadType() < 0 || pendingCount == PENDING_EVENTS
                || event < 0 || event > 255 || durationMillis <= 0) {
            return false;
        }
        int at = ((pendingHead + pendingCount) % PENDING_EVENTS) * 2;
        pendingEvents[at] = event;
        pendingEvents[at + 1] = durationMillis;
        pendingCount++;
        return true;
    }

    /**
     * One ptime tick at {@code now}: plays one received frame, sends one frame (or event packet),
     * and sends RTCP when it is due. Never allocates while no RTCP is due.
     */
    public void tick(long now) {
        if (closed || config == null) {
            return;
        }
        lastTickNanos = now;
        receiver.playout(now, samplesPerFrame);
        if (config.send() && sendRtpTo != null) {
            sendFrame();
        } else {
            talkspurt = false;
        }
        timestamp += unitsPerFrame; // media time advances whether or not a packet went out
        if (nextRtcpAt == Long.MIN_VALUE) {
            scheduleRtcp(now, true);
        } else if (now - nextRtcpAt >= 0) {
            sendReport(now, false);
            scheduleRtcp(now, false);
        }
    }

    private void sendFrame() {
        if (!eventSender.active() && pendingCount > 0) {
            int at = pendingHead * 2;
            pendingHead = (pendingHead + 1) % PENDING_EVENTS;
            pendingCount--;
            int units = (int) Math.min(0xFFFFL, (long) pendingEvents[at + 1] * config.codec().rtpClockRate() / 1000);
            eventSender.start(pendingEvents[at], 10, units, timestamp);
        }
        if (eventSender.active()) {
            // RFC 4733 §2.5.1.2: the event replaces audio; all its packets carry its start timestamp.
            boolean first = eventSender.firstPacket();
            int word = eventSender.nextPayload(unitsPerFrame);
            eventPayload[0] = (byte) (word >>> 24);
            eventPayload[1] = (byte) (word >>> 16);
            eventPayload[2] = (byte) (word >>> 8);
            eventPayload[3] = (byte) word;
            writer.payloadType(config.telephoneEventPayloadType()).marker(first)
                    .timestamp(eventSender.timestamp());
            send(eventPayload, TelephoneEvent.LENGTH);
            talkspurt = false; // audio after the event starts a new talkspurt
            return;
        }
        if (!source.read(pcm, samplesPerFrame)) {
            talkspurt = false; // silence: nothing sent
            return;
        }
        int n = encoder.encode(pcm, 0, samplesPerFrame, encoded, 0);
        // RFC 3551 §4.1: the marker bit is set on the first packet of a talkspurt.
        writer.payloadType(config.payloadType()).marker(!talkspurt).timestamp(timestamp);
        talkspurt = true;
        send(encoded, n);
    }

    private void send(byte[] payload, int length) {
        sendBuf.clear();
        writer.ssrc(ssrc).sequenceNumber(sequence);
        sequence = (sequence + 1) & 0xFFFF;
        writer.write(sendBuf, payload, 0, length);
        sendBuf.flip();
        out.send(sendBuf, sendRtpTo, false);
        packetsSent++;
        octetsSent += length;
        weSent = true;
    }

    private void scheduleRtcp(long now, boolean initial) {
        int members = 1 + receiver.sourceCount();
        int senders = (weSent ? 1 : 0) + receiver.sourceCount();
        double rtcpBandwidth = options.sessionBandwidthBitsPerSecond() / 8.0 * 0.05; // RFC 3550 §6.2: 5%
        nextRtcpAt = now + rtcpInterval.next(members, senders, rtcpBandwidth, weSent, initial,
                options.rtcpMinIntervalNanos(), random);
    }

    /** RFC 3550 §6.1: SR if we sent since the last report (else RR), SDES CNAME, optional BYE. */
    private void sendReport(long now, boolean bye) {
        InetSocketAddress to = config.rtcpMux() ? sendRtpTo : sendRtcpTo != null ? sendRtcpTo : config.remoteRtcp();
        boolean sent = packetsSent != sentAtLastReport;
        sentAtLastReport = packetsSent;
        if (to == null) {
            return;
        }
        List<ReportBlock> blocks = receiver.reportBlocks(now);
        List<RtcpPacket> compound = new ArrayList<>(3);
        if (sent || bye && packetsSent > 0) {
            long elapsed = now - lastTickNanos;
            // RFC 3550 §6.4.1: the RTP timestamp of the same instant as the NTP timestamp; the
            // frame of the last tick carried timestamp − unitsPerFrame.
            int rtpNow = timestamp - unitsPerFrame + (int) (elapsed / 1000 * config.codec().rtpClockRate() / 1_000_000);
            compound.add(new SenderReport(ssrc, clock.ntpTimestamp(now), rtpNow, (int) packetsSent,
                    (int) octetsSent, blocks));
        } else {
            compound.add(new ReceiverReport(ssrc, blocks));
        }
        compound.add(SourceDescription.cname(ssrc, options.cname()));
        if (bye) {
            compound.add(new Bye(List.of(ssrc), null));
        }
        weSent = sent;
        sendBuf.clear();
        int size = RtcpParser.encodeCompound(compound, sendBuf);
        sendBuf.flip();
        out.send(sendBuf, to, !config.rtcpMux());
        rtcpInterval.onPacket(size);
        rtcpSent++;
    }

    /**
     * A datagram arrived on the session's RTP port ({@code rtcpPort == false}) or RTCP port. Never
     * throws: bad packets are counted by reason and dropped.
     */
    public void receive(ByteBuffer datagram, InetSocketAddress from, boolean rtcpPort, long now) {
        if (!closed && config != null) {
            receiver.receive(datagram, from, rtcpPort, now);
        }
    }

    /** RFC 3550 §8.2: another participant uses our SSRC: say BYE for it and pick a new one. */
    void changeSsrcAfterCollision(long now) {
        int old = ssrc;
        sendReport(now, true);
        do {
            ssrc = random.nextInt();
        } while (ssrc == old);
        packetsSent = 0;
        octetsSent = 0;
        sentAtLastReport = 0;
        listener.onSsrcCollision(old, ssrc);
    }

    InetSocketAddress sendRtpTo() {
        return sendRtpTo;
    }

    /** Latching: from now on media goes where it comes from. */
    /** Latching: from now on RTCP goes where the peer's RTCP comes from. */
    void latchRtcpTo(InetSocketAddress from) {
        sendRtcpTo = from;
    }

    void latchTo(InetSocketAddress from) {
        sendRtpTo = from;
        listener.onLatched(from);
    }

    MediaClock clock() {
        return clock;
    }

    /** Sends RTCP BYE (RFC 3550 §6.6) and stops; further calls do nothing. */
    public void close(long now) {
        if (!closed && config != null) {
            sendReport(now, true);
        }
        closed = true;
    }

    public boolean closed() {
        return closed;
    }

    /** For tests: datagrams accepted plus datagrams dropped. */
    long accountedDatagrams() {
        return receiver.accounted();
    }

    public SessionStatistics statistics() {
        return receiver.statistics(ssrc, packetsSent, octetsSent, rtcpSent);
    }
}
