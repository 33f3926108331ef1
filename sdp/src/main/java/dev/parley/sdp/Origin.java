package dev.parley.sdp;

import java.util.Objects;

/**
 * {@code o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>} (RFC 8866 §5.2).
 * The session id is kept as text (it only needs to be unique); the version is a number because
 * RFC 3264 §8 makes an answerer or offerer increment it.
 */
public record Origin(String username, String sessionId, long sessionVersion, Connection address) {
    public Origin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(address, "address");
        if (sessionVersion < 0) {
            throw new IllegalArgumentException("session version must not be negative");
        }
    }

    /** This origin with another version. */
    public Origin withSessionVersion(long version) {
        return new Origin(username, sessionId, version, address);
    }

    /** The text after {@code o=}. */
    public String value() {
        return username + " " + sessionId + " " + sessionVersion + " " + address.value();
    }
}
