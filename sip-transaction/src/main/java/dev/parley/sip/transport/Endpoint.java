package dev.parley.sip.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where a message comes from or goes to: a transport and a socket address (IP literal and port;
 * Parley never resolves names at this layer).
 */
public record Endpoint(TransportKind transport, InetSocketAddress address) {

    public Endpoint {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
    }

    /** An endpoint from an IP literal ("127.0.0.1", "::1") and a port. */
    public static Endpoint of(TransportKind transport, String ipLiteral, int port) {
        return new Endpoint(transport, new InetSocketAddress(ipLiteral, port));
    }

    public boolean reliable() {
        return transport.reliable();
    }

    @Override
    public String toString() {
        return transport.viaName() + ":" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
