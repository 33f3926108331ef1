package dev.parley.sdp;

import java.util.ArrayList;
import java.util.List;

/** Derives the {@link NegotiatedMedia} of a completed offer/answer exchange (RFC 3264 §6.1, §7). */
final class Negotiation {
    private Negotiation() {
    }

    /**
     * One result per m= line that both sides left active and that shares a format.
     *
     * @param localIsOfferer true when {@code local} is the offer and {@code remote} the answer
     */
    static List<NegotiatedMedia> result(SessionDescription local, SessionDescription remote, boolean localIsOfferer) {
        int n = Math.min(local.media().size(), remote.media().size());
        List<NegotiatedMedia> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            MediaDescription lm = local.media().get(i);
            MediaDescription rm = remote.media().get(i);
            if (lm.isDisabled() || rm.isDisabled() || !lm.isRtp() || !rm.proto().equals(lm.proto())) {
                continue;
            }
            NegotiatedMedia m = stream(i, local, lm, remote, rm, localIsOfferer);
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    private static NegotiatedMedia stream(int index, SessionDescription local, MediaDescription lm,
                                          SessionDescription remote, MediaDescription rm, boolean localIsOfferer) {
        // RFC 3264 §6.1: the answer's format order is the answerer's preference; take the first
        // answered format that the offer also lists.
        MediaDescription answer = localIsOfferer ? rm : lm;
        Codec chosen = null;
        int chosenLocalPt = -1;
        int eventPt = -1;
        int eventLocalPt = -1;
        Codec eventCodec = null;
        for (String format : answer.formats()) {
            Attribute.Rtpmap map = answer.rtpmap(format);
            if (map == null) {
                continue;
            }
            int remotePt = ptIn(rm, map);
            int localPt = ptIn(lm, map);
            if (remotePt < 0 || localPt < 0) {
                continue;
            }
            Codec codec = new Codec(map.encodingName(), map.clockRate(), map.channelCount(), remotePt,
                    rm.fmtp(Integer.toString(remotePt)));
            if (codec.isTelephoneEvent()) {
                if (eventPt < 0) {
                    eventPt = remotePt;
                    eventLocalPt = localPt;
                    eventCodec = codec;
                }
            } else if (chosen == null) {
                chosen = codec;
                chosenLocalPt = localPt;
            }
        }
        if (chosen == null) {
            if (eventCodec == null) {
                return null;
            }
            // A stream that carries only events (RFC 4317 §2.4) still needs an RTP session.
            chosen = eventCodec;
            chosenLocalPt = eventLocalPt;
        }
        Connection rc = remote.connectionOf(rm);
        String remoteAddress = rc != null ? rc.host() : remote.origin().address().host();
        boolean holdAddress = rc != null && rc.isHoldAddress();
        Direction remoteDir = remote.directionOf(rm);
        if (holdAddress) {
            // RFC 3264 §8.4: c=0.0.0.0 (RFC 2543 hold) means the peer receives nothing.
            remoteDir = remoteDir.intersect(Direction.SENDONLY);
        }
        Direction ours = local.directionOf(lm).intersect(remoteDir.reversed());
        boolean mux = lm.attribute(Attribute.RtcpMux.class) != null && rm.attribute(Attribute.RtcpMux.class) != null;
        String rtcpAddress = remoteAddress;
        int rtcpPort;
        Attribute.Rtcp rtcp = rm.attribute(Attribute.Rtcp.class);
        if (mux) {
            rtcpPort = rm.port(); // RFC 5761 §5.1.1: RTCP shares the RTP port.
        } else if (rtcp != null) {
            rtcpPort = rtcp.port(); // RFC 3605 §2.1: an explicit RTCP port (and maybe address).
            if (rtcp.connection() != null) {
                rtcpAddress = rtcp.connection().host();
            }
        } else {
            rtcpPort = Math.min(rm.port() + 1, 65_535); // RFC 3550 §11: RTCP on the next port up.
        }
        return new NegotiatedMedia(index, rm.media(), chosen, chosenLocalPt,
                chosen == eventCodec ? -1 : eventPt, chosen == eventCodec ? -1 : eventLocalPt,
                remoteAddress, rm.port(), rtcpAddress, rtcpPort, ptime(lm, rm), ours, mux,
                holdAddress || !remoteDir.receives());
    }

    /** The payload type a section uses for the format {@code map} names, or -1. */
    private static int ptIn(MediaDescription m, Attribute.Rtpmap map) {
        for (String f : m.formats()) {
            Attribute.Rtpmap r = m.rtpmap(f);
            if (r != null && r.encodingName().equalsIgnoreCase(map.encodingName()) && r.clockRate() == map.clockRate()
                    && r.channelCount() == map.channelCount()) {
                return r.payloadType();
            }
        }
        return -1;
    }

    /** RFC 8866 §6.4: a=ptime is what the writer wants to receive; send with the peer's, else our own. */
    private static int ptime(MediaDescription lm, MediaDescription rm) {
        Attribute.Ptime remote = rm.attribute(Attribute.Ptime.class);
        if (remote != null) {
            return remote.milliseconds();
        }
        Attribute.Ptime own = lm.attribute(Attribute.Ptime.class);
        if (own != null) {
            return own.milliseconds();
        }
        return "audio".equals(rm.media()) ? 20 : 0;
    }
}
