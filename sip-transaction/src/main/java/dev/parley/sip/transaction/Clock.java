package dev.parley.sip.transaction;

/**
 * A monotonic source of milliseconds. The stack reads time only through this interface, so that
 * tests drive it with {@link VirtualTime} and never sleep.
 */
@FunctionalInterface
public interface Clock {

    /** Milliseconds since an arbitrary fixed origin; never decreases. */
    long millis();

    /** The JVM's monotonic clock ({@link System#nanoTime()}), in milliseconds. */
    static Clock system() {
        return () -> System.nanoTime() / 1_000_000L;
    }
}
