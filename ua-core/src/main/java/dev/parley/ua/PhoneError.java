package dev.parley.ua;

import java.util.Objects;

/**
 * Something went wrong that no call or registration state explains: a listener threw, a socket
 * failed, a malformed message was dropped. Reported through {@link PhoneListener#onError}.
 *
 * @param where a short description of where it happened ("listener", "udp 127.0.0.1:5060")
 * @param cause what was thrown, or null
 */
public record PhoneError(String where, String message, Throwable cause) {

    public PhoneError {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }
}
