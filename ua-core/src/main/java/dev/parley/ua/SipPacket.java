package dev.parley.ua;

import dev.parley.sip.transport.Endpoint;
import java.util.Objects;

/**
 * One SIP message as it crossed this phone's socket, for traces and ladder diagrams (see
 * {@link SoftPhone.Builder#traceSip(boolean)} and {@link PhoneListener#onSipPacket}). Malformed
 * datagrams are reported too: they are what a trace is for.
 *
 * @param outgoing whether the phone sent it (false: received)
 * @param local    this phone's SIP address
 * @param remote   where it went to or came from
 * @param bytes    the datagram exactly as on the wire; a private copy, but shared with other
 *                 listeners of the same phone: do not modify it
 */
public record SipPacket(boolean outgoing, Endpoint local, Endpoint remote, byte[] bytes) {

    public SipPacket {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(bytes, "bytes");
    }
}
