package dev.parley.sip.transaction;

/** A pending timer; {@link #cancel()} is O(1) and safe to call more than once. */
public interface Timeout {

    /** Stops the timer. Returns true if it was still pending (so it will now never run). */
    boolean cancel();

    /** True until the timer has run or been cancelled. */
    boolean isPending();

    /** The instant ({@link Clock#millis()}) at which the timer is due. */
    long deadline();
}
