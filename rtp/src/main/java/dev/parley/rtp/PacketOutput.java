package dev.parley.rtp;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * How a session sends datagrams: the engine sends from the session's own sockets (RFC 4961:
 * symmetric RTP), tests collect them in memory.
 */
@FunctionalInterface
public interface PacketOutput {

    /**
     * Sends the buffer's remaining bytes to {@code to}.
     *
     * @param rtcp {@code true} to send from the RTCP socket (ignored with rtcp-mux)
     */
    void send(ByteBuffer packet, InetSocketAddress to, boolean rtcp);
}
