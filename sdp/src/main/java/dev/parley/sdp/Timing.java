package dev.parley.sdp;

import java.util.List;

/**
 * {@code t=<start-time> <stop-time>} (RFC 8866 §5.9) with the {@code r=} lines that follow it
 * (§5.10), kept as written. {@code t=0 0} is a session without bounds.
 */
public record Timing(long start, long stop, List<String> repeats) {
    /** {@code t=0 0}: the session is permanent, the usual value for a call. */
    public static final Timing PERMANENT = new Timing(0, 0, List.of());

    public Timing {
        if (start < 0 || stop < 0) {
            throw new IllegalArgumentException("times must not be negative");
        }
        repeats = List.copyOf(repeats);
    }
}
