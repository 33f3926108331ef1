package dev.parley.ua.internal.net;

import dev.parley.rtp.MediaConfig;
import dev.parley.rtp.SessionStatistics;

/**
 * The RTP side of one call as the runtime provides it: a bound port pair and an RTP session that
 * ticks every packet time once configured. Real sockets use module {@code rtp}'s media engine;
 * the in-memory runtime ticks an {@code RtpSession} on the virtual clock.
 */
public interface MediaLeg extends AutoCloseable {

    /** Where this leg receives RTP (written into our SDP). */
    int localRtpPort();

    /** Applies what offer/answer negotiated; the first call starts the media clock. */
    void configure(MediaConfig config);

    SessionStatistics statistics();

    /**
     * RFC 4733: queues telephone event {@code event} (0-15 for DTMF) lasting {@code durationMillis};
     * it goes out in the packet times after the one in progress. Ignored when no telephone-event
     * payload type was negotiated or the session's small queue is full.
     */
    void sendTelephoneEvent(int event, int durationMillis);

    /** Sends RTCP BYE if media flowed, stops ticking and frees the ports. Idempotent. */
    @Override
    void close();
}
