package dev.parley.sip.transaction;

/**
 * A virtual clock with its own 1 ms {@link TimerWheel}, for deterministic tests: time moves only
 * when {@link #advance} is called, one millisecond at a time, so every timer runs at exactly the
 * instant it was due and {@link #now()} inside a callback reads that instant.
 *
 * <p>Single-threaded, like everything it drives.
 */
public final class VirtualTime implements Clock, Scheduler {

    private long now;
    private final TimerWheel wheel;

    /** Starts at time 0 with room for {@code maxTimers} pending timers. */
    public VirtualTime(int maxTimers) {
        this.wheel = new TimerWheel(this, 1, 4096, maxTimers);
    }

    /** Starts at time 0 with room for 1,000,000 pending timers. */
    public VirtualTime() {
        this(1_000_000);
    }

    @Override
    public long millis() {
        return now;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public Timeout schedule(long delayMillis, Runnable task) {
        return wheel.schedule(delayMillis, task);
    }

    /** Runs the timers already due at the current instant (for example, ones scheduled with delay 0). */
    public void runDue() {
        wheel.runDue();
    }

    /** Moves time forward by {@code millis}, running each timer at its own instant. */
    public void advance(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("time cannot go back: " + millis);
        }
        wheel.runDue();
        for (long i = 0; i < millis; i++) {
            now++;
            wheel.runDue();
        }
    }

    /** Moves time forward to the instant {@code millis}. */
    public void advanceTo(long millis) {
        advance(millis - now);
    }

    /** Pending timers. */
    public int pendingTimers() {
        return wheel.size();
    }
}
