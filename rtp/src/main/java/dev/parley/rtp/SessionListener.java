package dev.parley.rtp;

import java.net.InetSocketAddress;

/**
 * Observes a session. Every method has a no-op default; all are called on the session's thread and
 * must return quickly.
 */
public interface SessionListener {

    /** RFC 4733: a telephone event ended, reported once. */
    default void onTelephoneEvent(int event, int durationMillis) {
    }

    /** RFC 3550 §6.6: the remote source sent BYE. */
    default void onRemoteBye(int ssrc, String reason) {
    }

    /** RFC 3550 §8.2: another source used our SSRC; we now send with {@code newSsrc}. */
    default void onSsrcCollision(int oldSsrc, int newSsrc) {
    }

    /** Latching: the session now sends to the address its media comes from. */
    default void onLatched(InetSocketAddress remote) {
    }

    /** RFC 3550 §6.4.1: a round-trip time was measured from a report block. */
    default void onRoundTrip(long nanos) {
    }
}
