package dev.parley.ua;

/** Test helper: the relative power of one frequency in a block of samples (the Goertzel algorithm). */
public final class Goertzel {

    private Goertzel() {
    }

    /** Power at {@code hz} normalised by the block's total energy: near 0.5 for a pure tone at hz, near 0 otherwise. */
    public static double relativePower(short[] samples, int from, int count, int sampleRate, double hz) {
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
        double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return energy == 0 ? 0 : power / (energy * count);
    }
}
