package dev.parley.sdp;

import java.util.Objects;

/**
 * The outcome of offer/answer for one active stream, seen from this endpoint: enough to start an
 * RTP session without looking at SDP again.
 *
 * @param mLineIndex position of the m= line in both descriptions (RFC 3264 §6 keeps them aligned)
 * @param codec the chosen format; its {@code payloadType} is the number to SEND with (the peer's numbering)
 * @param receivePayloadType the number the peer sends the codec with (our numbering); usually equal
 * @param telephoneEventPayloadType the number to send RFC 4733 events with, or -1 if not negotiated
 * @param receiveTelephoneEventPayloadType the number events arrive with, or -1
 * @param remoteAddress where to send RTP (the c= in force, without a multicast suffix)
 * @param remoteRtcpPort the peer's RTCP port: a=rtcp (RFC 3605), the RTP port with rtcp-mux, else RTP port + 1
 * @param ptime milliseconds of media per packet to send: the peer's a=ptime, else ours, else 20 for audio
 * @param direction what this endpoint does: sends and/or receives
 * @param rtcpMux true if both sides put a=rtcp-mux (RFC 5761 §5.1.1)
 * @param remoteHold true if the peer put us on hold (sendonly/inactive, or c=0.0.0.0 per RFC 3264 §8.4)
 */
public record NegotiatedMedia(int mLineIndex, String media, Codec codec, int receivePayloadType,
                              int telephoneEventPayloadType, int receiveTelephoneEventPayloadType,
                              String remoteAddress, int remoteRtpPort, String remoteRtcpAddress, int remoteRtcpPort,
                              int ptime, Direction direction, boolean rtcpMux, boolean remoteHold) {
    public NegotiatedMedia {
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(remoteRtcpAddress, "remoteRtcpAddress");
        Objects.requireNonNull(direction, "direction");
    }

    public boolean sends() {
        return direction.sends();
    }

    public boolean receives() {
        return direction.receives();
    }
}
