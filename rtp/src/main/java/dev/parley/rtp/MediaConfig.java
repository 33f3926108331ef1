package dev.parley.rtp;

import dev.parley.codecs.AudioCodec;
import java.net.InetSocketAddress;

/**
 * What SDP offer/answer negotiated for one audio stream, in the terms RTP needs. Apply it with
 * {@link RtpSession#configure}; apply a new one on re-INVITE (new address, hold, codec change).
 *
 * @param codec the codec of {@code payloadType}
 * @param payloadType the negotiated RTP payload type (0–127)
 * @param telephoneEventPayloadType RFC 4733 payload type, or -1 if not negotiated
 * @param remoteRtp where to send RTP (c= and m= port); {@code null} until known
 * @param remoteRtcp where to send RTCP (RFC 3605 a=rtcp, else port + 1); ignored with rtcp-mux
 * @param rtcpMux RFC 5761: RTP and RTCP share the RTP port
 * @param ptimeMillis packet time (RFC 4566 a=ptime), 10–60
 * @param send sendrecv/sendonly: send media; off on hold
 * @param receive sendrecv/recvonly: play received media
 */
public record MediaConfig(AudioCodec codec, int payloadType, int telephoneEventPayloadType,
        InetSocketAddress remoteRtp, InetSocketAddress remoteRtcp, boolean rtcpMux, int ptimeMillis,
        boolean send, boolean receive) {

    public MediaConfig {
        if (payloadType < 0 || payloadType > 127 || telephoneEventPayloadType > 127
                || payloadType == telephoneEventPayloadType) {
            throw new IllegalArgumentException("payload types " + payloadType + "/" + telephoneEventPayloadType);
        }
        if (ptimeMillis < 10 || ptimeMillis > 60 || ptimeMillis % 10 != 0) {
            throw new IllegalArgumentException("ptime " + ptimeMillis);
        }
        if (!rtcpMux && remoteRtcp == null && remoteRtp != null) {
            // RFC 3550 §11: without a=rtcp, RTCP goes to the RTP port + 1.
            remoteRtcp = new InetSocketAddress(remoteRtp.getAddress(), remoteRtp.getPort() + 1);
        }
    }

    /** A sendrecv stream of {@code codec} on its static payload type, 20 ms, RTCP on port + 1. */
    public static MediaConfig of(AudioCodec codec, InetSocketAddress remoteRtp) {
        return new MediaConfig(codec, codec.staticPayloadType(), 101, remoteRtp, null, false, 20, true, true);
    }

    public MediaConfig withDirections(boolean sendOn, boolean receiveOn) {
        return new MediaConfig(codec, payloadType, telephoneEventPayloadType, remoteRtp, remoteRtcp, rtcpMux,
                ptimeMillis, sendOn, receiveOn);
    }

    public MediaConfig withRemote(InetSocketAddress rtp, InetSocketAddress rtcp) {
        return new MediaConfig(codec, payloadType, telephoneEventPayloadType, rtp, rtcp, rtcpMux, ptimeMillis,
                send, receive);
    }

    public MediaConfig withRtcpMux(boolean mux) {
        return new MediaConfig(codec, payloadType, telephoneEventPayloadType, remoteRtp, mux ? null : remoteRtcp,
                mux, ptimeMillis, send, receive);
    }

    /** Frame duration in nanoseconds. */
    public long ptimeNanos() {
        return ptimeMillis * 1_000_000L;
    }
}
