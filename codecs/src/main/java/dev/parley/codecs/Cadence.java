package dev.parley.codecs;

import java.util.List;

/**
 * The on/off rhythm of a call-progress tone: alternating on and off durations in milliseconds,
 * starting with "on", either repeated for ever or played once and followed by silence.
 */
public record Cadence(List<Integer> onOffMillis, boolean repeating) {

    /** Always on. */
    public static final Cadence CONTINUOUS = new Cadence(List.of(), true);

    public Cadence {
        onOffMillis = List.copyOf(onOffMillis);
        int total = 0;
        for (int ms : onOffMillis) {
            if (ms < 0) {
                throw new IllegalArgumentException("negative duration in cadence " + onOffMillis);
            }
            total += ms;
        }
        if (!onOffMillis.isEmpty() && total == 0) {
            throw new IllegalArgumentException("cadence of zero length");
        }
    }

    /** Repeats {@code millis} on, off, on, off… for ever. */
    public static Cadence repeating(int... millis) {
        return new Cadence(java.util.Arrays.stream(millis).boxed().toList(), true);
    }

    /** On for {@code millis}, then silent. */
    public static Cadence once(int millis) {
        return new Cadence(List.of(millis), false);
    }
}
