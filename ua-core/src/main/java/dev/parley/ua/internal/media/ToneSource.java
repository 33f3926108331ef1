package dev.parley.ua.internal.media;

import dev.parley.ua.AudioSource;

/**
 * A continuous tone: the sum of one or more sine waves of equal amplitude (a dial tone is 350 +
 * 440 Hz, a DTMF "1" is 697 + 1209 Hz). The phase runs on across frames and across sample-rate
 * changes, so the tone has no clicks. Never finishes.
 */
public final class ToneSource implements AudioSource {

    private final double[] frequencies;
    private final double peak;
    /** Phase of each component in cycles, kept in [0, 1). */
    private final double[] phase;

    /**
     * @param frequencies the component frequencies in Hz, each above 0
     * @param amplitude   the peak of the summed wave as a fraction of full scale, in (0, 1]
     */
    public ToneSource(double[] frequencies, double amplitude) {
        if (frequencies.length == 0) {
            throw new IllegalArgumentException("a tone needs at least one frequency");
        }
        for (double f : frequencies) {
            if (!(f > 0) || Double.isInfinite(f)) {
                throw new IllegalArgumentException("frequency " + f);
            }
        }
        if (!(amplitude > 0 && amplitude <= 1)) {
            throw new IllegalArgumentException("amplitude " + amplitude + " outside (0, 1]");
        }
        this.frequencies = frequencies.clone();
        this.peak = amplitude * Short.MAX_VALUE / frequencies.length;
        this.phase = new double[frequencies.length];
    }

    @Override
    public boolean read(short[] frame, int sampleRate) {
        int n = AudioSource.frameSamples(sampleRate);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int k = 0; k < frequencies.length; k++) {
                sum += Math.sin(2 * Math.PI * phase[k]);
                double next = phase[k] + frequencies[k] / sampleRate;
                phase[k] = next - Math.floor(next);
            }
            frame[i] = (short) Math.round(sum * peak);
        }
        return true;
    }
}
