package dev.parley.codecs.internal;

import dev.parley.codecs.AudioCodec;
import dev.parley.codecs.AudioDecoder;
import dev.parley.codecs.AudioEncoder;
import java.util.Objects;

/**
 * G.711 µ-law (PCMU, payload type 0) or A-law (PCMA, payload type 8): one octet per 8 kHz sample
 * (RFC 3551 §4.5.14). Stateless on the encoding side; decoders conceal lost frames with
 * {@link PitchConcealer}.
 */
public final class G711Codec implements AudioCodec {

    /** The two companding laws of ITU-T G.711. */
    public enum Law { ULAW, ALAW }

    private final Law law;

    public G711Codec(Law law) {
        this.law = Objects.requireNonNull(law, "law");
    }

    @Override
    public String encodingName() {
        return law == Law.ULAW ? "PCMU" : "PCMA";
    }

    @Override
    public int staticPayloadType() {
        // RFC 3551 §6 Table 4: PCMU is 0, PCMA is 8.
        return law == Law.ULAW ? 0 : 8;
    }

    @Override
    public int rtpClockRate() {
        return 8000;
    }

    @Override
    public int sampleRate() {
        return 8000;
    }

    @Override
    public int encodedLength(int samples) {
        return samples;
    }

    @Override
    public int decodedLength(int payloadBytes) {
        return payloadBytes;
    }

    @Override
    public AudioEncoder newEncoder() {
        return new Encoder(law);
    }

    @Override
    public AudioDecoder newDecoder() {
        return new Decoder(law);
    }

    @Override
    public String toString() {
        return encodingName() + "/8000";
    }

    private static final class Encoder implements AudioEncoder {
        private final boolean ulaw;

        Encoder(Law law) {
            this.ulaw = law == Law.ULAW;
        }

        @Override
        public int encode(short[] pcm, int pcmOffset, int samples, byte[] out, int outOffset) {
            Objects.checkFromIndexSize(pcmOffset, samples, pcm.length);
            Objects.checkFromIndexSize(outOffset, samples, out.length);
            if (ulaw) {
                G711.ulawEncode(pcm, pcmOffset, samples, out, outOffset);
            } else {
                G711.alawEncode(pcm, pcmOffset, samples, out, outOffset);
            }
            return samples;
        }

        @Override
        public void reset() {
            // G.711 keeps no state between samples.
        }
    }

    private static final class Decoder implements AudioDecoder {
        private final boolean ulaw;
        private final PitchConcealer concealer = new PitchConcealer(8000);

        Decoder(Law law) {
            this.ulaw = law == Law.ULAW;
        }

        @Override
        public int decode(byte[] in, int inOffset, int length, short[] pcm, int pcmOffset) {
            Objects.checkFromIndexSize(inOffset, length, in.length);
            Objects.checkFromIndexSize(pcmOffset, length, pcm.length);
            if (ulaw) {
                G711.ulawDecode(in, inOffset, length, pcm, pcmOffset);
            } else {
                G711.alawDecode(in, inOffset, length, pcm, pcmOffset);
            }
            concealer.good(pcm, pcmOffset, length);
            return length;
        }

        @Override
        public int conceal(short[] pcm, int pcmOffset, int samples) {
            Objects.checkFromIndexSize(pcmOffset, samples, pcm.length);
            concealer.conceal(pcm, pcmOffset, samples);
            return samples;
        }

        @Override
        public void reset() {
            concealer.reset();
        }
    }
}
