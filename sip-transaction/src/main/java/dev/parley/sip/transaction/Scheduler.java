package dev.parley.sip.transaction;

/**
 * Runs tasks after a delay on the one thread that owns the transaction layer. Implemented by
 * {@link TimerWheel} (driven by an event loop in production, by {@link VirtualTime} in tests).
 */
public interface Scheduler {

    /** The current time of the clock that drives this scheduler, in milliseconds. */
    long now();

    /** Runs {@code task} once, {@code delayMillis} (≥ 0) from {@link #now()}. */
    Timeout schedule(long delayMillis, Runnable task);
}
