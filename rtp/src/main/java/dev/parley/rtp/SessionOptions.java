package dev.parley.rtp;

import java.net.InetSocketAddress;

/**
 * The fixed settings of one session.
 *
 * @param cname RFC 3550 §6.5.1 canonical name, sent in every compound RTCP packet
 * @param latching send to the address media arrives from (NAT traversal), and accept media from
 *     that address only, and send RTCP where the peer's RTCP comes from; re-latched when
 *     {@link RtpSession#configure} changes the remote address
 * @param localRtp the session's own RTP address (for RFC 3550 §8.2 loop detection); may be null
 * @param sessionBandwidthBitsPerSecond for the RTCP bandwidth, 5% of it (RFC 3550 §6.2)
 * @param rtcpMinIntervalNanos RFC 3550 §6.2: the minimum RTCP interval (5 s)
 * @param eventTimeoutNanos RFC 4733 §2.5.2.2: report an event whose end packets were lost after this
 * @param maxSources RFC 3550 §8.2 source table bound; further sources are dropped and counted
 */
public record SessionOptions(String cname, boolean latching, InetSocketAddress localRtp,
        long sessionBandwidthBitsPerSecond, long rtcpMinIntervalNanos, long eventTimeoutNanos, int maxSources) {

    public SessionOptions {
        if (cname == null || cname.isEmpty() || sessionBandwidthBitsPerSecond <= 0 || maxSources < 1) {
            throw new IllegalArgumentException("bad session options");
        }
    }

    /** Defaults: no latching, 80 kbit/s, 5 s RTCP minimum, 300 ms event timeout, 8 sources. */
    public static SessionOptions defaults(String cname) {
        return new SessionOptions(cname, false, null, 80_000, 5_000_000_000L, 300_000_000L, 8);
    }

    public SessionOptions withLatching(boolean on) {
        return new SessionOptions(cname, on, localRtp, sessionBandwidthBitsPerSecond, rtcpMinIntervalNanos,
                eventTimeoutNanos, maxSources);
    }

    public SessionOptions withLocalRtp(InetSocketAddress local) {
        return new SessionOptions(cname, latching, local, sessionBandwidthBitsPerSecond, rtcpMinIntervalNanos,
                eventTimeoutNanos, maxSources);
    }
}
