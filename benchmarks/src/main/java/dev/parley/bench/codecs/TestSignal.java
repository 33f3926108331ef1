package dev.parley.bench.codecs;

import java.util.SplittableRandom;

/** Deterministic speech-like audio for codec benchmarks: voiced harmonics, a moving envelope, some noise. */
public final class TestSignal {

    private TestSignal() {
    }

    /** {@code samples} samples at {@code sampleRate} Hz, peaking around −10 dBFS. */
    public static short[] speechLike(int sampleRate, int samples) {
        SplittableRandom random = new SplittableRandom(7);
        short[] pcm = new short[samples];
        double phase = 0;
        for (int i = 0; i < samples; i++) {
            double t = i / (double) sampleRate;
            double pitch = 120 + 30 * Math.sin(2 * Math.PI * 1.3 * t);
            phase += 2 * Math.PI * pitch / sampleRate;
            double voiced = 0;
            for (int h = 1; h <= 12 && h * pitch < sampleRate / 2.0; h++) {
                voiced += Math.sin(h * phase) / h;
            }
            double envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 3 * t);
            double sample = 6000 * envelope * voiced + 300 * (random.nextDouble() - 0.5);
            pcm[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sample)));
        }
        return pcm;
    }
}
