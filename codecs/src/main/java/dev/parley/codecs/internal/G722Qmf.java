package dev.parley.codecs.internal;

/**
 * The 24-tap delay line shared by the G.722 transmit and receive QMFs (G.722 §3.1, §4.4), with
 * the filter's two polyphase sums. Two values enter per step. The line is kept twice in a
 * 48-entry array so that the 24 most recent values are always contiguous: no shifting per step.
 */
final class G722Qmf {

    /** h0…h23 scaled by 8192 (G.722 Table 11); symmetric: h23−i = hi. */
    private static final int[] H = new int[24];

    static {
        for (int i = 0; i < 12; i++) {
            H[i] = G722Tables.QMF[i];
            H[23 - i] = G722Tables.QMF[i];
        }
    }

    private final int[] line = new int[48];
    private int head;          // line[head] is the oldest of the 24 values
    int evenSum;               // Σ h[2i]·x[2i] after the last push, x oldest first
    int oddSum;                // Σ h[2i+1]·x[2i+1]

    /** Shifts in {@code first} then {@code second} and updates {@link #evenSum} and {@link #oddSum}. */
    void push(int first, int second) {
        int[] x = line;
        int h = head + 2;
        if (h == 24) {
            h = 0;
        }
        head = h;
        // The newest two values sit at h+22 and h+23; each is also stored 24 places away.
        put(x, h + 22, first);
        put(x, h + 23, second);
        int even = 0;
        int odd = 0;
        for (int k = 0; k < 24; k += 2) {
            even += x[h + k] * H[k];
            odd += x[h + k + 1] * H[k + 1];
        }
        evenSum = even;
        oddSum = odd;
    }

    private static void put(int[] x, int i, int value) {
        x[i] = value;
        x[i >= 24 ? i - 24 : i + 24] = value;
    }

    void reset() {
        java.util.Arrays.fill(line, 0);
        head = 0;
        evenSum = 0;
        oddSum = 0;
    }
}
