package dev.parley.ua;

/**
 * Where a {@link PhoneLine} stands with its registrar (RFC 3261 §10).
 *
 * <pre>
 * UNREGISTERED ──register──▶ REGISTERING ──2xx──▶ REGISTERED ──close/unregister──▶ UNREGISTERING ──▶ UNREGISTERED
 *                                 │                    ▲  │ refresh fails
 *                                 └──4xx-6xx/timeout──▶ FAILED ◀┘ (retried with backoff ▶ REGISTERING)
 * </pre>
 */
public enum RegistrationState {
    /** No binding at the registrar (never registered, or unregistered). */
    UNREGISTERED,
    /** A REGISTER is in flight (first registration, a retry after failure, or an auth retry). */
    REGISTERING,
    /** The registrar accepted the binding; it is refreshed before it expires. */
    REGISTERED,
    /** A REGISTER with {@code Expires: 0} is in flight (RFC 3261 §10.2.2). */
    UNREGISTERING,
    /** The last attempt failed; the line retries after a backoff delay. */
    FAILED
}
