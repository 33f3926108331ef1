package dev.parley.sdp;

import java.util.Objects;

/**
 * A line whose type letter this parser does not know (RFC 8866 §5: a parser ignores unknown
 * types). It is kept, in order, and written back unchanged after the known lines of its section.
 */
public record UnknownLine(char type, String value) {
    public UnknownLine {
        Objects.requireNonNull(value, "value");
    }
}
