package dev.parley.sdp;

import java.util.Objects;

/** {@code b=<bwtype>:<bandwidth>} (RFC 8866 §5.8), the bandwidth in kilobits per second for CT and AS. */
public record Bandwidth(String type, long value) {
    public Bandwidth {
        Objects.requireNonNull(type, "type");
        if (value < 0) {
            throw new IllegalArgumentException("bandwidth must not be negative");
        }
    }
}
