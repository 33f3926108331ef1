package dev.parley.ua;

/**
 * The RTP and RTCP figures of a call's media (RFC 3550), as {@link Call#mediaStatistics()}
 * reports them: a snapshot when asked during the call, the final figures once it has ended.
 *
 * @param packetsSent     RTP packets sent (RFC 3550 §6.4.1 sender's packet count)
 * @param packetsReceived RTP packets received from the peer and accepted
 * @param packetsLost     RFC 3550 §A.3 cumulative number of packets lost (expected minus received;
 *                        negative when duplicates arrived)
 * @param jitterMillis    RFC 3550 §A.8 interarrival jitter of the peer's packets, in milliseconds
 * @param roundTripMillis RFC 3550 §6.4.1 round-trip time from the last report block about our
 *                        packets (A − LSR − DLSR), in milliseconds; negative while none is known
 * @param rtcpSent        compound RTCP packets sent
 * @param rtcpReceived    compound RTCP packets received
 */
public record MediaStatistics(long packetsSent, long packetsReceived, long packetsLost, double jitterMillis,
                              double roundTripMillis, long rtcpSent, long rtcpReceived) {

    /** Whether an RTCP round trip has been measured. */
    public boolean roundTripKnown() {
        return roundTripMillis >= 0;
    }
}
