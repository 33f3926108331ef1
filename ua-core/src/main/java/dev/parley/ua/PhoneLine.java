package dev.parley.ua;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * One SIP account on a {@link SoftPhone}: its registration and its calls. Incoming requests reach
 * the line whose user matches the Request-URI (or else the To header). Thread-safe.
 */
public interface PhoneLine {

    LineConfig config();

    /** The current registration state, with the status that caused it. */
    RegistrationStatus registration();

    /**
     * Registers (or refreshes) now. The stage completes when the registrar answered: normally
     * with {@link RegistrationState#REGISTERED}, or with {@link RegistrationState#FAILED} and the
     * status code; it never completes exceptionally. After a failure the line retries by itself
     * with a growing delay.
     */
    CompletionStage<RegistrationStatus> register();

    /** Removes the binding (REGISTER with Expires: 0, RFC 3261 §10.2.2) and stops refreshing it. */
    CompletionStage<RegistrationStatus> unregister();

    /**
     * A new outgoing call to {@code target} ({@code sip:bob@example.com}, or just {@code bob} for a
     * user in this line's domain), in state {@link CallState#IDLE}. Set its audio, then
     * {@link Call#start()} it.
     */
    Call newCall(String target);

    /** The calls of this line that have not ended. */
    List<Call> calls();

    /** Do not disturb: incoming calls are answered 486 Busy Here at once. */
    void doNotDisturb(boolean on);

    boolean doNotDisturb();

    /** Answer incoming calls at once (with silence, unless the listener sets a source first). */
    void autoAnswer(boolean on);

    boolean autoAnswer();

    /**
     * Whether a REFER from the peer of a call on this line (RFC 3515: the peer transfers us) is
     * accepted — 202, then a call to the target (see {@link PhoneListener#onCallTransferred}) — or
     * refused with 603 Decline. On by default. REFER outside a call is always refused (403).
     */
    void acceptTransfers(boolean on);

    boolean acceptTransfers();
}
