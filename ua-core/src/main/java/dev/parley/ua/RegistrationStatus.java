package dev.parley.ua;

import java.util.Objects;

/**
 * A registration state with the SIP status that caused it.
 *
 * @param state      the new state
 * @param statusCode the status code of the response that caused it (e.g. 200, 403), or 0 when no
 *                   response did (a timeout, a transport error, or a local action)
 * @param reason     the response's reason phrase, or a short description when there was no response
 * @param expiresSeconds the binding's lifetime granted by the registrar, 0 unless {@code REGISTERED}
 */
public record RegistrationStatus(RegistrationState state, int statusCode, String reason, int expiresSeconds) {

    public RegistrationStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        if (statusCode != 0 && (statusCode < 100 || statusCode > 699)) {
            throw new IllegalArgumentException("status code " + statusCode);
        }
        if (expiresSeconds < 0) {
            throw new IllegalArgumentException("expires " + expiresSeconds);
        }
    }
}
