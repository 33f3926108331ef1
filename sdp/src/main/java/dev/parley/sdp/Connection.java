package dev.parley.sdp;

import java.util.Objects;

/**
 * {@code c=<nettype> <addrtype> <connection-address>} (RFC 8866 §5.7). The address keeps any
 * multicast suffix ({@code 224.2.17.12/127}) as written; {@link #host()} strips it.
 */
public record Connection(String netType, String addressType, String address) {
    public Connection {
        Objects.requireNonNull(netType, "netType");
        Objects.requireNonNull(addressType, "addressType");
        Objects.requireNonNull(address, "address");
    }

    /** An {@code IN IP4} or {@code IN IP6} connection, the address type chosen from the address. */
    public static Connection internet(String address) {
        return new Connection("IN", address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
    }

    /** The address without a multicast TTL or address-count suffix. */
    public String host() {
        // RFC 8866 §5.7: IPv6 multicast has no TTL but may carry "/<number of addresses>".
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }

    /**
     * True for {@code c=IN IP4 0.0.0.0}: the RFC 2543 way of putting a call on hold, which
     * RFC 3264 §8.4 says an answerer must still recognise.
     */
    public boolean isHoldAddress() {
        return "IP4".equals(addressType) && "0.0.0.0".equals(host());
    }

    /** The text after {@code c=}. */
    public String value() {
        return netType + " " + addressType + " " + address;
    }
}
