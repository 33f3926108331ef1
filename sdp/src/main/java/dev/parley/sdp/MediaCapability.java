package dev.parley.sdp;

import java.util.List;
import java.util.Objects;

/**
 * What this endpoint can do for one kind of media.
 *
 * @param media "audio" or "video", as on the m= line
 * @param proto the transport, usually "RTP/AVP"; an offered stream on another transport is rejected
 * @param port the first local RTP port; a second stream of the same kind gets port + 2, and so on
 * @param codecs formats in preference order, telephone-event included if wanted
 * @param direction what this endpoint is willing to do (sendrecv for a normal call)
 * @param ptime the packet time this endpoint wants to receive, or 0 to leave a=ptime out
 * @param rtcpMux true to offer and accept a=rtcp-mux (RFC 5761)
 * @param answerOneCodec true to answer with only the most preferred common codec (plus
 *     telephone-event), so the peer cannot switch codec mid-call; false to list every common codec
 */
public record MediaCapability(String media, String proto, int port, List<Codec> codecs, Direction direction,
                              int ptime, boolean rtcpMux, boolean answerOneCodec) {
    public MediaCapability {
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(proto, "proto");
        Objects.requireNonNull(direction, "direction");
        codecs = List.copyOf(codecs);
        if (codecs.isEmpty() || port <= 0 || port > 65_535 || ptime < 0) {
            throw new IllegalArgumentException("a capability needs codecs and a port in 1..65535");
        }
    }

    /** An RTP/AVP sendrecv capability without ptime or rtcp-mux that answers with every common codec. */
    public static MediaCapability of(String media, int port, List<Codec> codecs) {
        return new MediaCapability(media, "RTP/AVP", port, codecs, Direction.SENDRECV, 0, false, false);
    }

    /** The usual phone: PCMU, PCMA, G722 and telephone-event 0–16, 20 ms packets, one codec per answer. */
    public static MediaCapability defaultAudio(int port) {
        return new MediaCapability("audio", "RTP/AVP", port,
                List.of(Codec.PCMU, Codec.PCMA, Codec.G722, Codec.TELEPHONE_EVENT), Direction.SENDRECV, 20, false,
                true);
    }

    public MediaCapability withDirection(Direction d) {
        return new MediaCapability(media, proto, port, codecs, d, ptime, rtcpMux, answerOneCodec);
    }

    public MediaCapability withCodecs(List<Codec> c) {
        return new MediaCapability(media, proto, port, c, direction, ptime, rtcpMux, answerOneCodec);
    }
}
