package dev.parley.sip.transport;

/**
 * Sends whole SIP messages as bytes. UDP sends one datagram; TCP and TLS write to the connection
 * to {@code to}, opening one if none is open. A send that fails at once returns false.
 */
@FunctionalInterface
public interface ByteTransport {

    boolean send(byte[] message, Endpoint to);
}
