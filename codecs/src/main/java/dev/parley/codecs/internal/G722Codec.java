package dev.parley.codecs.internal;

import dev.parley.codecs.AudioCodec;
import dev.parley.codecs.AudioDecoder;
import dev.parley.codecs.AudioEncoder;

/**
 * G.722 (payload type 9): 16 kHz audio, one octet per pair of samples, RTP clock 8000 Hz
 * (RFC 3551 §4.5.2: the clock rate is written as 8000 "for historical reasons").
 */
public final class G722Codec implements AudioCodec {

    @Override
    public String encodingName() {
        return "G722";
    }

    @Override
    public int staticPayloadType() {
        return 9;
    }

    @Override
    public int rtpClockRate() {
        return 8000;
    }

    @Override
    public int sampleRate() {
        return 16000;
    }

    @Override
    public int encodedLength(int samples) {
        return samples / 2;
    }

    @Override
    public int decodedLength(int payloadBytes) {
        return payloadBytes * 2;
    }

    @Override
    public AudioEncoder newEncoder() {
        return new G722Encoder();
    }

    @Override
    public AudioDecoder newDecoder() {
        return new G722Decoder(1);
    }

    @Override
    public String toString() {
        return "G722/8000 (16 kHz audio)";
    }
}
