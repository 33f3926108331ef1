package dev.parley.codecs;

/**
 * A codec as SDP negotiation and RTP see it: its RTP identity (encoding name, static payload type,
 * clock rate) and its audio shape (sample rate, frame size), plus factories for the stateful
 * encoder and decoder of one stream direction.
 *
 * <p>The RTP clock rate and the sample rate may differ: G.722 samples at 16 kHz but its RTP clock
 * runs at 8 kHz (RFC 3551 §4.5.2), so RTP timestamps advance by {@link #rtpTimestampsPerFrame}
 * while the codec consumes {@link #samplesPerFrame} samples.
 *
 * <p>Implementations are immutable and thread-safe; encoders and decoders are not.
 */
public interface AudioCodec {

    /** Encoding name as written in an SDP {@code a=rtpmap} line, e.g. {@code PCMU}, {@code G722}. */
    String encodingName();

    /** The RFC 3551 static payload type, or {@code -1} when the codec has none. */
    int staticPayloadType();

    /** RTP timestamp clock rate in Hz, as written in {@code a=rtpmap} (8000 for G.722). */
    int rtpClockRate();

    /** PCM sample rate in Hz that {@link AudioEncoder} consumes and {@link AudioDecoder} produces. */
    int sampleRate();

    /** Number of audio channels (1 for every codec Parley ships). */
    default int channels() {
        return 1;
    }

    /** PCM samples in one frame of {@code ptimeMillis} milliseconds. */
    default int samplesPerFrame(int ptimeMillis) {
        return sampleRate() / 1000 * ptimeMillis;
    }

    /** RTP timestamp units in one frame of {@code ptimeMillis} milliseconds. */
    default int rtpTimestampsPerFrame(int ptimeMillis) {
        return rtpClockRate() / 1000 * ptimeMillis;
    }

    /** Encoded payload bytes for {@code samples} PCM samples. */
    int encodedLength(int samples);

    /** PCM samples decoded from {@code payloadBytes} payload bytes. */
    int decodedLength(int payloadBytes);

    /** A new encoder in its reset state. */
    AudioEncoder newEncoder();

    /** A new decoder in its reset state. */
    AudioDecoder newDecoder();
}
