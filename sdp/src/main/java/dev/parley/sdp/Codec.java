package dev.parley.sdp;

import java.util.Objects;

/**
 * A media format as offer/answer sees it: plain data, matched by encoding name (ignoring case),
 * clock rate and channels, never by payload type number (RFC 3264 §6.1). The UA maps these names
 * to its codec implementations.
 *
 * @param payloadType the number to offer it with: the RFC 3551 static number, or a dynamic one 96–127
 * @param fmtp format parameters for {@code a=fmtp}, or null
 */
public record Codec(String encodingName, int clockRate, int channels, int payloadType, String fmtp) {
    /** G.711 µ-law, static payload type 0 (RFC 3551 §4.5.14). */
    public static final Codec PCMU = new Codec("PCMU", 8000, 1, 0, null);
    /** G.711 A-law, static payload type 8 (RFC 3551 §4.5.14). */
    public static final Codec PCMA = new Codec("PCMA", 8000, 1, 8, null);
    /** G.722, static payload type 9, RTP clock 8000 although it samples at 16 kHz (RFC 3551 §4.5.2). */
    public static final Codec G722 = new Codec("G722", 8000, 1, 9, null);
    /** DTMF events (RFC 4733 §2.5.1), events 0–16, on the customary dynamic payload type 101. */
    public static final Codec TELEPHONE_EVENT = new Codec("telephone-event", 8000, 1, 101, "0-16");

    public Codec {
        Objects.requireNonNull(encodingName, "encodingName");
        if (clockRate <= 0 || channels <= 0 || payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("bad codec " + encodingName + "/" + clockRate + "/" + channels
                    + " pt " + payloadType);
        }
    }

    /** True for RFC 4733 telephone-event, which rides beside the voice codec rather than replacing it. */
    public boolean isTelephoneEvent() {
        return encodingName.equalsIgnoreCase("telephone-event");
    }

    /** True if the rtpmap names the same format: same name (any case), clock rate and channel count. */
    public boolean matches(Attribute.Rtpmap r) {
        return r != null && r.encodingName().equalsIgnoreCase(encodingName) && r.clockRate() == clockRate
                && r.channelCount() == channels;
    }

    /** True if both describe the same format, whatever their payload numbers and parameters. */
    public boolean sameFormat(Codec other) {
        return other.encodingName.equalsIgnoreCase(encodingName) && other.clockRate == clockRate
                && other.channels == channels;
    }

    /** This codec under another payload type number. */
    public Codec withPayloadType(int pt) {
        return new Codec(encodingName, clockRate, channels, pt, fmtp);
    }

    /** The rtpmap line for this codec. */
    public Attribute.Rtpmap rtpmap() {
        return new Attribute.Rtpmap(payloadType, encodingName, clockRate, channels == 1 ? 0 : channels);
    }
}
