package dev.parley.codecs;

/**
 * A tone to generate: one or two frequencies, each at {@code levelDbm0}, sounding to a cadence.
 * Levels are in dBm0 on the G.711 scale, where a full-scale sine is +3.17 dBm0.
 *
 * @param lowHz      the first (or only) frequency in Hz
 * @param highHz     the second frequency in Hz, or 0 for a single-frequency tone
 * @param levelDbm0  the level of each frequency
 * @param cadence    when the tone sounds
 */
public record Tone(double lowHz, double highHz, double levelDbm0, Cadence cadence) {

    // ITU-T Q.23 Table 1: row (low group) frequencies for rows 1-2-3-A, 4-5-6-B, 7-8-9-C, *-0-#-D,
    // and column (high group) frequencies for columns 1-4-7-*, 2-5-8-0, 3-6-9-#, A-B-C-D.
    private static final double[] DTMF_ROWS = {697, 770, 852, 941};
    private static final double[] DTMF_COLUMNS = {1209, 1336, 1477, 1633};

    /** The sixteen DTMF keys, row by row. */
    public static final String DTMF_KEYS = "123A456B789C*0#D";

    public Tone {
        if (!(lowHz > 0) || highHz < 0) {
            throw new IllegalArgumentException("frequencies must be positive: " + lowHz + ", " + highHz);
        }
        if (levelDbm0 > 3.17) {
            throw new IllegalArgumentException("level above full scale: " + levelDbm0 + " dBm0");
        }
        java.util.Objects.requireNonNull(cadence, "cadence");
    }

    /** The DTMF tone of {@code key} (0–9, *, #, A–D), each frequency at −8 dBm0, sounding {@code millis}. */
    public static Tone dtmf(char key, int millis) {
        int index = DTMF_KEYS.indexOf(Character.toUpperCase(key));
        if (index < 0) {
            throw new IllegalArgumentException("not a DTMF key: '" + key + "'");
        }
        return new Tone(DTMF_ROWS[index / 4], DTMF_COLUMNS[index % 4], -8, Cadence.once(millis));
    }

    /** The ITU-T Q.23 low-group frequency of DTMF row 0–3. */
    public static double dtmfRowHz(int row) {
        return DTMF_ROWS[row];
    }

    /** The ITU-T Q.23 high-group frequency of DTMF column 0–3. */
    public static double dtmfColumnHz(int column) {
        return DTMF_COLUMNS[column];
    }

    /** Ringback as most of Europe plays it (ITU-T E.180 / CEPT): 425 Hz, 1 s on, 4 s off. */
    public static Tone ringbackEurope() {
        return new Tone(425, 0, -13, Cadence.repeating(1000, 4000));
    }

    /** Busy as most of Europe plays it (ITU-T E.180 / CEPT): 425 Hz, 0.5 s on, 0.5 s off. */
    public static Tone busyEurope() {
        return new Tone(425, 0, -13, Cadence.repeating(500, 500));
    }

    /** North American ringback: 440 + 480 Hz, 2 s on, 4 s off. */
    public static Tone ringbackNorthAmerica() {
        return new Tone(440, 480, -19, Cadence.repeating(2000, 4000));
    }

    /** North American busy: 480 + 620 Hz, 0.5 s on, 0.5 s off. */
    public static Tone busyNorthAmerica() {
        return new Tone(480, 620, -24, Cadence.repeating(500, 500));
    }

    /** The same tone with another cadence. */
    public Tone withCadence(Cadence newCadence) {
        return new Tone(lowHz, highHz, levelDbm0, newCadence);
    }

    /** Peak amplitude of one frequency at this level, in 16-bit sample units. */
    public double amplitude() {
        return 32767 * Math.pow(10, (levelDbm0 - 3.17) / 20);
    }
}
