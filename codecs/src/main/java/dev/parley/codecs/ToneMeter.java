package dev.parley.codecs;

/**
 * How much of a block of audio is one frequency: the Goertzel algorithm's power at that frequency,
 * divided by the block's energy. A pure sine at the frequency scores about 0.5 (the power of a
 * real tone is split between its positive and negative frequency); silence and audio with nothing
 * near the frequency score about 0. For checking that a call carries a tone (ringback, a test
 * tone, a peer's announcement), not for DTMF, which {@link DtmfDetector} decodes with its
 * acceptance rules.
 *
 * <p>The frequency resolution is about {@code sampleRate / count} Hz: a block of 20 ms tells
 * 50 Hz apart, a block of 100 ms 10 Hz.
 */
public final class ToneMeter {

    private ToneMeter() {
    }

    /**
     * The share of the power of {@code samples[from .. from + count)} at {@code hz}, in [0, 1]
     * (about 0.5 for a pure tone at {@code hz}); 0 for an empty or silent block.
     *
     * @throws IllegalArgumentException if the range is outside the array, the rate is not
     *     positive, or {@code hz} is not between 0 and half the sample rate
     */
    public static double relativePower(short[] samples, int from, int count, int sampleRate, double hz) {
        if (from < 0 || count < 0 || from > samples.length - count || sampleRate <= 0 || !(hz >= 0)
                || hz > sampleRate / 2.0) {
            throw new IllegalArgumentException("block " + from + "+" + count + " of " + samples.length + " at "
                    + sampleRate + " Hz, tone " + hz + " Hz");
        }
        double coeff = 2 * Math.cos(2 * Math.PI * hz / sampleRate);
        double s1 = 0;
        double s2 = 0;
        double energy = 0;
        for (int i = from; i < from + count; i++) {
            double s0 = samples[i] + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
            energy += (double) samples[i] * samples[i];
        }
        if (energy == 0) {
            return 0;
        }
        double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return Math.min(1, Math.max(0, power / (energy * count)));
    }
}
