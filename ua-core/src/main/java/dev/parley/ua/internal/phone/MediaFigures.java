package dev.parley.ua.internal.phone;

import dev.parley.rtp.SessionStatistics;
import dev.parley.ua.MediaStatistics;

/** Turns the rtp module's session counters into the API's {@link MediaStatistics}. */
final class MediaFigures {

    private MediaFigures() {
    }

    /**
     * @param rtpClockRate the RTP clock of the negotiated codec (8000 for G.722, RFC 3551 §4.5.2),
     *                     the unit of RFC 3550 §A.8 jitter
     */
    static MediaStatistics of(SessionStatistics s, int rtpClockRate) {
        double jitterMillis = s.jitterUnits() * 1000.0 / rtpClockRate;
        double rttMillis = s.roundTripNanos() < 0 ? -1 : s.roundTripNanos() / 1e6;
        return new MediaStatistics(s.packetsSent(), s.packetsReceived(), s.cumulativeLost(), jitterMillis, rttMillis,
                s.rtcpSent(), s.rtcpReceived());
    }
}
