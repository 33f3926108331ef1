package dev.parley.codecs;

import dev.parley.codecs.internal.G711Codec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The codecs Parley ships, looked up by SDP encoding name or RFC 3551 static payload type. A fixed,
 * immutable set: there is no registry to add to; an application with its own codec passes its
 * {@link AudioCodec} where one is wanted.
 */
public final class Codecs {

    /** G.711 µ-law, RTP payload type 0, 8 kHz (RFC 3551 §4.5.14). */
    public static final AudioCodec PCMU = new G711Codec(G711Codec.Law.ULAW);

    /** G.711 A-law, RTP payload type 8, 8 kHz (RFC 3551 §4.5.14). */
    public static final AudioCodec PCMA = new G711Codec(G711Codec.Law.ALAW);

    private static final List<AudioCodec> ALL = List.of(PCMU, PCMA);

    private Codecs() {
    }

    /** Every codec Parley ships, in its default order of preference. */
    public static List<AudioCodec> all() {
        return ALL;
    }

    /**
     * The codec with this encoding name, compared without regard to case (RFC 4855 §3: encoding
     * names are case-insensitive), e.g. {@code "pcmu"} or {@code "G722"}.
     */
    public static Optional<AudioCodec> byName(String encodingName) {
        String wanted = encodingName.toUpperCase(Locale.ROOT);
        for (AudioCodec codec : ALL) {
            if (codec.encodingName().equals(wanted)) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }

    /** The codec that owns this RFC 3551 static payload type (0 to 95), if Parley ships it. */
    public static Optional<AudioCodec> byPayloadType(int payloadType) {
        for (AudioCodec codec : ALL) {
            if (codec.staticPayloadType() == payloadType) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }
}
