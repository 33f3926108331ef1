package dev.parley.ua;

import java.util.Objects;

/**
 * How and why a call ended.
 *
 * @param cause      the cause
 * @param statusCode the SIP status that ended it (e.g. 486 for a busy callee, 487 for a cancelled
 *                   INVITE, 408 for a timeout), or 0 when no status applies (a BYE)
 * @param reason     the reason phrase, or a short description when there was no response
 */
public record CallEnd(EndCause cause, int statusCode, String reason) {

    public CallEnd {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(reason, "reason");
        if (statusCode != 0 && (statusCode < 100 || statusCode > 699)) {
            throw new IllegalArgumentException("status code " + statusCode);
        }
    }

    /** An end with no SIP status attached. */
    public static CallEnd of(EndCause cause, String reason) {
        return new CallEnd(cause, 0, reason);
    }
}
