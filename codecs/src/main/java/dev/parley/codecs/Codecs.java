package dev.parley.codecs;

import dev.parley.codecs.internal.G711Codec;
import dev.parley.codecs.internal.G722Codec;
import dev.parley.codecs.internal.G722Decoder;
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

    /**
     * G.722 at 64 kbit/s, RTP payload type 9: 16 kHz audio on an 8 kHz RTP clock (RFC 3551 §4.5.2).
     */
    public static final AudioCodec G722 = new G722Codec();

    private static final List<AudioCodec> ALL = List.of(G722, PCMU, PCMA);

    private Codecs() {
    }

    /** Every codec Parley ships, in its default order of preference. */
    public static List<AudioCodec> all() {
        return ALL;
    }

    /**
     * A G.722 decoder for a stream sent at 64, 56 or 48 kbit/s (G.722 modes 1, 2, 3). The RTP
     * payload is the same in every mode (one octet per sample pair); at 56 and 48 kbit/s the one
     * or two least significant bits of each octet are not audio and are ignored.
     */
    public static AudioDecoder g722Decoder(int bitRate) {
        return switch (bitRate) {
            case 64_000 -> new G722Decoder(1);
            case 56_000 -> new G722Decoder(2);
            case 48_000 -> new G722Decoder(3);
            default -> throw new IllegalArgumentException("G.722 runs at 64000, 56000 or 48000 bit/s: " + bitRate);
        };
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
