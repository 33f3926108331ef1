package dev.parley.cli.registrar;

import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transport.Endpoint;

/**
 * Observes what the registrar and proxy do, for {@code --verbose} output and tests. Every method
 * runs on the server's event loop thread and must return quickly; all default to doing nothing.
 */
public interface RegistrarListener {

    /** A REGISTER was answered (401 challenge, 200 with the bindings, or an error). */
    default void onRegister(SipRequest request, SipResponse response) {
    }

    /** A request (or ACK) was forwarded; {@code forwarded} is what went on the wire. */
    default void onForward(SipRequest forwarded, Endpoint nextHop) {
    }

    /** The proxy answered a request itself instead of forwarding it (404, 483, 407...). */
    default void onReject(SipRequest request, SipResponse response) {
    }
}
