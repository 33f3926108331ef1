package dev.parley.rtp;

import java.util.random.RandomGenerator;

/**
 * RFC 3550 §6.3.1 and §A.7: the interval between compound RTCP packets, and the running average
 * RTCP packet size it depends on.
 */
final class RtcpInterval {

    /** RFC 3550 §6.2: senders share a quarter of the RTCP bandwidth when they are few. */
    private static final double SENDER_FRACTION = 0.25;
    /** RFC 3550 §6.3.1: compensates the randomization's bias ("e − 3/2"). */
    private static final double COMPENSATION = Math.E - 1.5;
    /** RFC 3550 §6.2: IPv4 + UDP header bytes added to each RTCP packet's size. */
    static final int UDP_IP_OVERHEAD = 28;

    private double averageSize;

    RtcpInterval(int firstPacketSize) {
        averageSize = firstPacketSize + UDP_IP_OVERHEAD;
    }

    /** RFC 3550 §6.3.3: avg_rtcp_size = 1/16 * packet_size + 15/16 * avg_rtcp_size. */
    void onPacket(int size) {
        averageSize = (size + UDP_IP_OVERHEAD) / 16.0 + averageSize * 15.0 / 16.0;
    }

    double averageSize() {
        return averageSize;
    }

    /**
     * RFC 3550 §A.7 {@code rtcp_interval}, in nanoseconds.
     *
     * @param rtcpBandwidth bytes per second available to RTCP (5% of the session bandwidth)
     * @param minNanos RFC 3550 §6.2 minimum interval (halved for the first packet)
     */
    long next(int members, int senders, double rtcpBandwidth, boolean weSent, boolean initial, long minNanos,
            RandomGenerator random) {
        double tmin = minNanos / 1e9;
        if (initial) {
            tmin /= 2; // RFC 3550 §6.2: the first report may go out after half the minimum
        }
        int n = members;
        double bw = rtcpBandwidth;
        // RFC 3550 §6.3.1: with few senders, they get 25% of the bandwidth and receivers the rest.
        if (senders > 0 && senders <= members * SENDER_FRACTION) {
            if (weSent) {
                bw *= SENDER_FRACTION;
                n = senders;
            } else {
                bw *= 1 - SENDER_FRACTION;
                n -= senders;
            }
        }
        double t = averageSize * n / bw;
        if (t < tmin) {
            t = tmin;
        }
        // RFC 3550 §6.3.1: randomize to [0.5, 1.5] × t, then divide by e − 3/2.
        t = t * (random.nextDouble() + 0.5) / COMPENSATION;
        return (long) (t * 1e9);
    }
}
