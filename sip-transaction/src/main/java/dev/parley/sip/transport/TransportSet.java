package dev.parley.sip.transport;

import java.util.EnumMap;
import java.util.Map;

/** Sends through the transport named by the destination {@link Endpoint}: UDP, TCP or TLS. */
public final class TransportSet implements ByteTransport {

    private final Map<TransportKind, ByteTransport> transports = new EnumMap<>(TransportKind.class);

    public TransportSet with(TransportKind kind, ByteTransport transport) {
        transports.put(kind, transport);
        return this;
    }

    /** True when a transport of this kind is configured. */
    public boolean supports(TransportKind kind) {
        return transports.containsKey(kind);
    }

    @Override
    public boolean send(byte[] message, Endpoint to) {
        ByteTransport t = transports.get(to.transport());
        return t != null && t.send(message, to);
    }
}
