package dev.parley.ua.internal.net;

import dev.parley.rtp.AudioSink;
import dev.parley.rtp.AudioSource;
import dev.parley.rtp.MediaClock;
import dev.parley.rtp.MediaConfig;
import dev.parley.rtp.RtpSession;
import dev.parley.rtp.SessionListener;
import dev.parley.rtp.SessionOptions;
import dev.parley.rtp.SessionStatistics;
import dev.parley.sip.transaction.Scheduler;
import dev.parley.sip.transaction.Timeout;
import dev.parley.sip.transport.Endpoint;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.random.RandomGenerator;

/**
 * A media leg on the in-memory network: an {@link RtpSession} ticked every packet time by the
 * phone's scheduler (the virtual clock in tests), with RTP and RTCP multiplexed on one port when
 * negotiated, else RTCP sent to the peer's RTCP port and not received.
 */
final class VirtualMediaLeg implements MediaLeg {

    private final Scheduler scheduler;
    private final DatagramPort port;
    private final RtpSession session;
    private final byte[] sendBuffer = new byte[1500];
    private Timeout tick;
    private long firstTickAt;
    private long ticks;
    private long ptime;
    private boolean closed;

    VirtualMediaLeg(Scheduler scheduler, PortBinder binder, String cname, RandomGenerator random, AudioSource source,
                    AudioSink sink, SessionListener listener) {
        this.scheduler = scheduler;
        this.port = binder.bind(this::onDatagram);
        MediaClock clock = () -> scheduler.now() * 1_000_000L;
        this.session = new RtpSession(SessionOptions.defaults(cname).withLocalRtp(port.local().address()),
                (packet, to, rtcp) -> send(packet, to), clock, random, source, sink, listener);
    }

    /** Binds the leg's port with its datagram handler. */
    @FunctionalInterface
    interface PortBinder {
        DatagramPort bind(DatagramPort.Handler handler);
    }

    @Override
    public int localRtpPort() {
        return port.local().address().getPort();
    }

    @Override
    public void configure(MediaConfig config) {
        if (closed) {
            return;
        }
        session.configure(config);
        ptime = config.ptimeMillis();
        if (tick == null) {
            firstTickAt = scheduler.now();
            scheduleTick();
        }
    }

    private void scheduleTick() {
        // Due at fixed instants from the first tick, so a late timer does not make the stream drift.
        long due = firstTickAt + (ticks + 1) * ptime;
        tick = scheduler.schedule(Math.max(0, due - scheduler.now()), this::onTick);
    }

    private void onTick() {
        if (closed) {
            return;
        }
        ticks++;
        session.tick(scheduler.now() * 1_000_000L);
        scheduleTick();
    }

    private void send(ByteBuffer packet, InetSocketAddress to) {
        int length = Math.min(packet.remaining(), sendBuffer.length);
        packet.get(sendBuffer, 0, length);
        port.send(sendBuffer, length, new Endpoint(port.local().transport(), to));
    }

    private void onDatagram(byte[] data, int length, Endpoint from) {
        session.receive(ByteBuffer.wrap(data, 0, length), from.address(), false, scheduler.now() * 1_000_000L);
    }

    @Override
    public void sendTelephoneEvent(int event, int durationMillis) {
        if (!closed) {
            session.sendTelephoneEvent(event, durationMillis);
        }
    }

    @Override
    public SessionStatistics statistics() {
        return session.statistics();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (tick != null) {
            tick.cancel();
        }
        if (ticks > 0) {
            // Workaround: RtpSession.close() fails before its first tick (its RTCP interval is not set
            // up yet); with no tick no RTP was sent, so no RTCP BYE is owed (RFC 3550 §6.6).
            session.close(scheduler.now() * 1_000_000L);
        }
        port.close();
    }
}
