package dev.parley.rtp;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * An in-process network for session tests: datagrams are delivered after a fixed one-way delay in
 * virtual time to the session bound to the destination address; a filter can drop packets.
 */
final class VirtualNetwork implements MediaClock {

    record Datagram(long at, long order, InetSocketAddress from, InetSocketAddress to, byte[] bytes, boolean rtcp) {
    }

    private final long delayNanos;
    private final Map<InetSocketAddress, RtpSession> rtpPorts = new HashMap<>();
    private final Map<InetSocketAddress, RtpSession> rtcpPorts = new HashMap<>();
    private final PriorityQueue<Datagram> inFlight = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    final List<Datagram> sent = new ArrayList<>();
    Predicate<Datagram> drop = d -> false;
    private long now = 1_000_000_000L;
    private long order;

    VirtualNetwork(long delayNanos) {
        this.delayNanos = delayNanos;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /** The output of a session bound to {@code rtp} (RTCP from rtp port + 1). */
    PacketOutput outputFor(InetSocketAddress rtp) {
        InetSocketAddress rtcp = new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1);
        return (packet, to, isRtcp) -> {
            byte[] bytes = new byte[packet.remaining()];
            packet.get(bytes);
            Datagram d = new Datagram(now + delayNanos, order++, isRtcp ? rtcp : rtp, to, bytes, isRtcp);
            sent.add(d);
            if (!drop.test(d)) {
                inFlight.add(d);
            }
        };
    }

    void bind(InetSocketAddress rtp, RtpSession session) {
        rtpPorts.put(rtp, session);
        rtcpPorts.put(new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1), session);
    }

    /** Injects a datagram now, as if it came from {@code from}. */
    void inject(InetSocketAddress from, InetSocketAddress to, byte[] bytes) {
        inFlight.add(new Datagram(now, order++, from, to, bytes, false));
    }

    /** Advances virtual time by {@code ticks} × 20 ms, delivering packets and ticking every session. */
    void run(int ticks, RtpSession... sessions) {
        for (int i = 0; i < ticks; i++) {
            long until = now + 20_000_000L;
            while (!inFlight.isEmpty() && inFlight.peek().at <= until) {
                Datagram d = inFlight.poll();
                now = Math.max(now, d.at);
                RtpSession target = rtpPorts.get(d.to);
                boolean rtcpPort = false;
                if (target == null) {
                    target = rtcpPorts.get(d.to);
                    rtcpPort = true;
                }
                if (target != null) {
                    target.receive(ByteBuffer.wrap(d.bytes), d.from, rtcpPort, now);
                }
            }
            now = until;
            for (RtpSession s : sessions) {
                s.tick(now);
            }
        }
    }

    List<Datagram> sentFrom(InetSocketAddress rtp, boolean rtcp) {
        return sent.stream().filter(d -> d.rtcp == rtcp && d.from.getPort() == rtp.getPort() + (rtcp ? 1 : 0)).toList();
    }
}
