package dev.parley.codecs;

import dev.parley.codecs.internal.G711;
import java.util.Objects;

/**
 * The audio of a mono WAV file: its encoding, its sample rate and its sample data exactly as
 * stored (16-bit little-endian PCM, or one G.711 octet per sample, ready for an RTP payload).
 */
public record WavAudio(WavEncoding encoding, int sampleRate, byte[] data) {

    public WavAudio {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(data, "data");
        if (sampleRate != 8000 && (sampleRate != 16000 || encoding != WavEncoding.PCM_16)) {
            throw new IllegalArgumentException("unsupported rate " + sampleRate + " Hz for " + encoding);
        }
        if (data.length % encoding.bytesPerSample() != 0) {
            throw new IllegalArgumentException("data is not a whole number of samples: " + data.length + " bytes");
        }
    }

    /** 16-bit PCM audio. */
    public static WavAudio ofPcm(short[] samples, int sampleRate) {
        byte[] data = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            data[2 * i] = (byte) samples[i];
            data[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return new WavAudio(WavEncoding.PCM_16, sampleRate, data);
    }

    /** Number of samples. */
    public int sampleCount() {
        return data.length / encoding.bytesPerSample();
    }

    /** The samples as 16-bit PCM (G.711 data is decoded). */
    public short[] samples() {
        short[] pcm = new short[sampleCount()];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = switch (encoding) {
                case PCM_16 -> (short) ((data[2 * i] & 0xFF) | (data[2 * i + 1] << 8));
                case ALAW -> G711.alawToLinear(data[i]);
                case ULAW -> G711.ulawToLinear(data[i]);
            };
        }
        return pcm;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WavAudio w && w.encoding == encoding && w.sampleRate == sampleRate
                && java.util.Arrays.equals(w.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(encoding, sampleRate, java.util.Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "WavAudio[" + encoding + ", " + sampleRate + " Hz, " + sampleCount() + " samples]";
    }
}
