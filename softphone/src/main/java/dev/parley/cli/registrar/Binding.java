package dev.parley.cli.registrar;

import dev.parley.sip.message.NameAddr;
import dev.parley.sip.transport.Endpoint;
import java.util.Objects;

/**
 * One binding of the location service (RFC 3261 §10.3): an address-of-record's contact, with the
 * Call-ID and CSeq of the REGISTER that last refreshed it and when it expires.
 *
 * @param contact         the Contact value as registered, without its {@code expires} parameter
 * @param callId          Call-ID of the REGISTER that made or refreshed the binding
 * @param cseq            its CSeq number
 * @param expiresAtMillis the registrar clock's time at which the binding lapses
 * @param source          where that REGISTER came from
 */
public record Binding(NameAddr contact, String callId, long cseq, long expiresAtMillis, Endpoint source) {

    public Binding {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(source, "source");
    }

    /** Whole seconds left at {@code nowMillis}, rounded up, never negative. */
    public long secondsLeft(long nowMillis) {
        return Math.max(0, (expiresAtMillis - nowMillis + 999) / 1000);
    }
}
