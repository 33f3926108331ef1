package dev.parley.rtp;

/**
 * A histogram of recent relative packet delays with exponential forgetting, and its upper
 * quantile. Every sample adds a weight that grows by {@code 1 / forget} per sample, so a sample
 * {@code k} packets old counts {@code forget^k} of a new one without touching the other bins; the
 * weights are scaled back down once in a long while. O(1) per sample, no allocation; the quantile
 * walks down from the highest occupied bin, i.e. over the tail only.
 */
final class DelayHistogram {
    /** Rescale when the running weight exceeds this (doubles reach 1e308). */
    private static final double RESCALE_AT = 1e150;
    /** Bins whose relative weight falls below this are emptied when rescaling. */
    private static final double NEGLIGIBLE = 1e-9;

    private final long binNanos;
    private final double growth;
    private final double[] weights;
    private double increment = 1;
    private double total;
    private int highest = -1;
    private long count;

    /**
     * @param bins number of bins; delays beyond the last bin are counted in it
     * @param binNanos width of a bin
     * @param forget weight of a sample relative to the next one, in (0, 1]
     */
    DelayHistogram(int bins, long binNanos, double forget) {
        this.binNanos = binNanos;
        this.growth = 1 / forget;
        this.weights = new double[bins];
    }

    /** Counts one relative delay (negative counts as 0). */
    void add(long delayNanos) {
        int bin = delayNanos <= 0 ? 0 : (int) Math.min(weights.length - 1, delayNanos / binNanos);
        weights[bin] += increment;
        total += increment;
        if (bin > highest) {
            highest = bin;
        }
        count++;
        increment *= growth;
        if (increment > RESCALE_AT) {
            rescale();
        }
    }

    /**
     * The smallest delay (a bin's upper edge) that at most {@code 1 − q} of the weighted samples
     * exceed; 0 when empty.
     */
    long quantile(double q) {
        // Bins that only long-forgotten samples reached are emptied, so the walk stays short.
        while (highest > 0 && weights[highest] < NEGLIGIBLE * increment) {
            total -= weights[highest];
            weights[highest--] = 0;
        }
        double allowed = (1 - q) * total;
        double tail = 0;
        for (int b = highest; b >= 0; b--) {
            tail += weights[b];
            if (tail > allowed) {
                return (b + 1) * binNanos;
            }
        }
        return 0;
    }

    long count() {
        return count;
    }

    void clear() {
        java.util.Arrays.fill(weights, 0);
        increment = 1;
        total = 0;
        highest = -1;
        count = 0;
    }

    private void rescale() {
        double scale = 1 / increment;
        int top = -1;
        total = 0;
        for (int b = 0; b < weights.length; b++) {
            double w = weights[b] * scale;
            if (w < NEGLIGIBLE) {
                w = 0;
            } else {
                top = b;
            }
            weights[b] = w;
            total += w;
        }
        highest = top;
        increment = 1;
    }
}
