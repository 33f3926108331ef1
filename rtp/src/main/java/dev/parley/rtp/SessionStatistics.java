package dev.parley.rtp;

import java.util.Map;

/**
 * A snapshot of one session.
 *
 * @param ssrc our current SSRC
 * @param packetsSent RTP packets sent (RFC 3550 §6.4.1 sender's packet count)
 * @param octetsSent RTP payload octets sent
 * @param packetsReceived RTP packets accepted
 * @param rtcpSent compound RTCP packets sent
 * @param rtcpReceived compound RTCP packets accepted
 * @param dropped received datagrams dropped, by reason
 * @param remoteSsrc the source being played, or 0
 * @param cumulativeLost RFC 3550 §A.3 for that source
 * @param jitterUnits RFC 3550 §A.8 interarrival jitter of that source, timestamp units
 * @param roundTripNanos RFC 3550 §6.4.1 last round-trip time, or -1
 * @param remoteFractionLost what the remote reported about us, in 1/256
 * @param codecErrors frames lost because the decoder threw (the decoder is then reset; logged once)
 * @param jitterBuffer the playout buffer
 */
public record SessionStatistics(int ssrc, long packetsSent, long octetsSent, long packetsReceived,
        long rtcpSent, long rtcpReceived, Map<DropReason, Long> dropped, int remoteSsrc, long cumulativeLost,
        int jitterUnits, long roundTripNanos, int remoteFractionLost, long codecErrors,
        JitterBufferStats jitterBuffer) {

    public SessionStatistics {
        dropped = Map.copyOf(dropped);
    }

    /** All dropped datagrams. */
    public long droppedTotal() {
        long n = 0;
        for (long v : dropped.values()) {
            n += v;
        }
        return n;
    }
}
