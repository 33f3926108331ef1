package dev.parley.ua;

/**
 * The life of a {@link Call} as the user sees it. Every call ends in {@link #ENDED}, exactly once,
 * with a {@link CallEnd} saying why.
 *
 * <pre>
 * outgoing: IDLE ─start()─▶ CALLING ─180─▶ RINGING ─┐
 *                              │  └──183+SDP─▶ EARLY_MEDIA ─┴─2xx─▶ CONNECTED
 * incoming: INCOMING (180 sent) ─answer()─▶ CONNECTED
 * connected: CONNECTED ⇄ LOCAL_HOLD / REMOTE_HOLD  (part 2: RFC 3264 §8.4)
 * any state ──▶ ENDED
 * </pre>
 */
public enum CallState {
    /** Created by {@link PhoneLine#newCall}, not started yet. */
    IDLE,
    /** INVITE sent, no ringing indication yet (a 100 Trying may have arrived). */
    CALLING,
    /** The callee is alerted (180 Ringing, or 18x without SDP). */
    RINGING,
    /** The callee sent SDP in a provisional response (183): media flows before the answer. */
    EARLY_MEDIA,
    /** An incoming INVITE arrived; 180 Ringing was sent; waiting for answer or reject. */
    INCOMING,
    /** Answered: the dialog is confirmed and media flows both ways. */
    CONNECTED,
    /** We put the call on hold (we offered sendonly or inactive). */
    LOCAL_HOLD,
    /** The peer put the call on hold (it offered sendonly or inactive). */
    REMOTE_HOLD,
    /** The call is over; see {@link Call#end()}. */
    ENDED;

    /** Whether this state is one of the answered states (connected or on hold either way). */
    public boolean isEstablished() {
        return this == CONNECTED || this == LOCAL_HOLD || this == REMOTE_HOLD;
    }
}
