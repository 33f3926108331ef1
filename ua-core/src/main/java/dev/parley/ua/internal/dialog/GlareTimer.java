package dev.parley.ua.internal.dialog;

import java.util.random.RandomGenerator;

/**
 * RFC 3261 §14.1: after a 491 Request Pending to a re-INVITE, wait before trying again. The wait
 * depends on who made the Call-ID, so the two sides do not collide again.
 */
public final class GlareTimer {

    private GlareTimer() {
    }

    /**
     * RFC 3261 §14.1: the owner of the Call-ID waits a random 2.1 to 4 s, in units of 10 ms; the
     * other side waits 0 to 2 s, in units of 10 ms.
     *
     * @param ownsCallId whether this UA generated the dialog's Call-ID (it sent the initial INVITE)
     */
    public static long retryDelayMillis(boolean ownsCallId, RandomGenerator random) {
        return ownsCallId ? 2100 + 10L * random.nextInt(191) : 10L * random.nextInt(201);
    }
}
