package dev.parley.sip.transport;

import dev.parley.sip.message.SipMessage;

/** Receives the messages a stream transport (TCP, TLS) framed, on the loop thread. */
@FunctionalInterface
public interface StreamHandler {

    void onMessage(SipMessage message, Endpoint from);
}
