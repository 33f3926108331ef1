package dev.parley.sdp;

/**
 * The media direction attributes (RFC 8866 §6.7), usable at session and media level.
 * A section without one is {@link #SENDRECV} (RFC 8866 §6.7.4), unless the session level says otherwise.
 */
public enum Direction implements Attribute {
    SENDRECV("sendrecv", true, true),
    SENDONLY("sendonly", true, false),
    RECVONLY("recvonly", false, true),
    INACTIVE("inactive", false, false);

    private final String attributeName;
    private final boolean sends;
    private final boolean receives;

    Direction(String attributeName, boolean sends, boolean receives) {
        this.attributeName = attributeName;
        this.sends = sends;
        this.receives = receives;
    }

    @Override
    public String attributeName() {
        return attributeName;
    }

    @Override
    public String attributeValue() {
        return null;
    }

    /** True if the side that wrote this attribute sends media. */
    public boolean sends() {
        return sends;
    }

    /** True if the side that wrote this attribute receives media. */
    public boolean receives() {
        return receives;
    }

    /** The direction seen from the other side: sendonly becomes recvonly and the reverse. */
    public Direction reversed() {
        return of(receives, sends);
    }

    /** The direction allowing only what both this and {@code other} allow. */
    public Direction intersect(Direction other) {
        return of(sends && other.sends, receives && other.receives);
    }

    public static Direction of(boolean sends, boolean receives) {
        if (sends) {
            return receives ? SENDRECV : SENDONLY;
        }
        return receives ? RECVONLY : INACTIVE;
    }

    /** The direction whose attribute name is {@code name}, or null. */
    public static Direction byName(String name) {
        switch (name) {
            case "sendrecv": return SENDRECV;
            case "sendonly": return SENDONLY;
            case "recvonly": return RECVONLY;
            case "inactive": return INACTIVE;
            default: return null;
        }
    }
}
