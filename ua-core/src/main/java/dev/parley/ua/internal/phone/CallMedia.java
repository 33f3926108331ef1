package dev.parley.ua.internal.phone;

import dev.parley.codecs.AudioCodec;
import dev.parley.rtp.MediaClock;
import dev.parley.rtp.MediaConfig;
import dev.parley.rtp.RtpSession;
import dev.parley.rtp.SessionListener;
import dev.parley.rtp.SessionOptions;
import dev.parley.sdp.NegotiatedMedia;
import dev.parley.sip.transaction.Timeout;
import dev.parley.sip.transport.Endpoint;
import dev.parley.ua.AudioSink;
import dev.parley.ua.AudioSource;
import dev.parley.ua.internal.net.DatagramPort;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.function.IntConsumer;

/**
 * The media of one call: its RTP socket, an {@code RtpSession} of module {@code rtp} configured from
 * the negotiated SDP, and a 20 ms tick on the SIP thread that pulls the call's {@link AudioSource}
 * and pushes decoded audio to its {@link AudioSink}. The source and sink may be swapped at any time
 * from any thread. Packets always go out in 20 ms frames (our SDP asks for a=ptime:20).
 */
final class CallMedia {

    static final int PTIME_MILLIS = 20;

    private final PhoneCore core;
    private final DatagramPort port;
    private final RtpSession session;
    private final byte[] sendBuffer = new byte[1500];
    private volatile AudioSource source;
    private volatile AudioSink sink;
    private volatile AudioCodec codec;
    private Timeout tick;
    private long firstTickAt;
    private long ticks;
    private boolean closed;

    CallMedia(PhoneCore core, String cname, IntConsumer onDtmf) {
        this.core = core;
        this.port = core.runtime().bindMedia(core.localHost(), core.settings().rtpMinPort(),
                core.settings().rtpMaxPort(), this::onDatagram);
        MediaClock clock = () -> core.scheduler().now() * 1_000_000L;
        SessionListener listener = new SessionListener() {
            @Override
            public void onTelephoneEvent(int event, int durationMillis) {
                onDtmf.accept(event << 16 | Math.min(durationMillis, 0xFFFF));
            }
        };
        this.session = new RtpSession(SessionOptions.defaults(cname).withLocalRtp(port.local().address()),
                (packet, to, rtcp) -> send(packet, to), clock, core.settings().random(),
                this::readSource, this::writeSink, listener);
    }

    int localPort() {
        return port.local().address().getPort();
    }

    AudioCodec codec() {
        return codec;
    }

    void source(AudioSource s) {
        AudioSource old = source;
        source = s;
        if (old != null && old != s) {
            old.close();
        }
    }

    void sink(AudioSink s) {
        AudioSink old = sink;
        sink = s;
        if (old != null && old != s) {
            old.close();
        }
    }

    /** Applies a negotiated stream (first answer or a re-INVITE) and starts the 20 ms tick. */
    void configure(NegotiatedMedia m, AudioCodec audioCodec) {
        if (closed) {
            return;
        }
        codec = audioCodec;
        InetSocketAddress rtp = new InetSocketAddress(m.remoteAddress(), m.remoteRtpPort());
        InetSocketAddress rtcp = new InetSocketAddress(m.remoteRtcpAddress(), m.remoteRtcpPort());
        session.configure(new MediaConfig(audioCodec, m.codec().payloadType(), m.telephoneEventPayloadType(),
                rtp, rtcp, m.rtcpMux(), PTIME_MILLIS, m.sends() && !m.remoteHold(), m.receives()));
        if (tick == null) {
            firstTickAt = core.scheduler().now();
            scheduleTick();
        }
    }

    private void scheduleTick() {
        // Ticks are due at fixed instants from the first one, so late timers do not accumulate drift.
        long due = firstTickAt + (ticks + 1) * PTIME_MILLIS;
        tick = core.scheduler().schedule(Math.max(0, due - core.scheduler().now()), this::onTick);
    }

    private void onTick() {
        if (closed) {
            return;
        }
        ticks++;
        session.tick(core.scheduler().now() * 1_000_000L);
        scheduleTick();
    }

    private boolean readSource(short[] pcm, int samples) {
        AudioSource s = source;
        if (s == null) {
            java.util.Arrays.fill(pcm, 0, samples, (short) 0);
            return true; // silence still goes out, so the peer's jitter buffer and NAT bindings stay alive
        }
        s.read(pcm, samples * (1000 / PTIME_MILLIS));
        return true;
    }

    private void writeSink(short[] pcm, int samples) {
        AudioSink s = sink;
        if (s != null) {
            s.write(pcm, samples * (1000 / PTIME_MILLIS));
        }
    }

    private void send(ByteBuffer packet, InetSocketAddress to) {
        int length = Math.min(packet.remaining(), sendBuffer.length);
        packet.get(sendBuffer, 0, length);
        port.send(sendBuffer, length, new Endpoint(port.local().transport(), to));
    }

    private void onDatagram(byte[] data, int length, Endpoint from) {
        session.receive(ByteBuffer.wrap(data, 0, length), from.address(), false, core.scheduler().now() * 1_000_000L);
    }

    /** Sends RTCP BYE, stops the tick, frees the port and closes source and sink. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (tick != null) {
            tick.cancel();
        }
        if (ticks > 0) {
            // Workaround: RtpSession.close() fails before its first tick (its RTCP interval is not set
            // up yet); with no tick, no RTP was sent and no RTCP BYE is owed (RFC 3550 §6.3.7).
            session.close(core.scheduler().now() * 1_000_000L);
        }
        port.close();
        AudioSource s = source;
        AudioSink k = sink;
        if (s != null) {
            s.close();
        }
        if (k != null) {
            k.close();
        }
    }

    /** Packets received and played, for tests and statistics. */
    dev.parley.rtp.SessionStatistics statistics() {
        return session.statistics();
    }

    boolean isClosed() {
        return closed;
    }
}
