package dev.parley.sip.transport;

/** The transports of RFC 3261 §18; reliability decides which transaction timers run (Table 4). */
public enum TransportKind {
    UDP(false, "UDP"),
    TCP(true, "TCP"),
    TLS(true, "TLS");

    private final boolean reliable;
    private final String viaName;

    TransportKind(boolean reliable, String viaName) {
        this.reliable = reliable;
        this.viaName = viaName;
    }

    /** True for TCP and TLS: no retransmissions, and timers D, I, J, K are zero. */
    public boolean reliable() {
        return reliable;
    }

    /** The transport token of a Via sent-protocol (RFC 3261 §20.42). */
    public String viaName() {
        return viaName;
    }
}
