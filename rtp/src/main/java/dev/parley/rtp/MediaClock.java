package dev.parley.rtp;

/**
 * The time source of sessions, jitter buffers and the engine: monotonic nanoseconds plus the offset
 * that turns them into wall-clock time for RTCP's NTP timestamps. Tests pass a virtual clock.
 */
public interface MediaClock {

    /** Monotonic time in nanoseconds. */
    long nanoTime();

    /** Nanoseconds to add to {@link #nanoTime} to get nanoseconds since 1970 (UTC). */
    default long epochOffsetNanos() {
        return 0;
    }

    /** The system clock: {@link System#nanoTime} anchored to the wall clock once, at creation. */
    static MediaClock system() {
        long offset = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
        return new MediaClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public long epochOffsetNanos() {
                return offset;
            }
        };
    }

    /** RFC 3550 §4: the 64-bit NTP timestamp (seconds since 1900 . fraction) of monotonic {@code nanos}. */
    default long ntpTimestamp(long nanos) {
        long epoch = nanos + epochOffsetNanos();
        long seconds = Math.floorDiv(epoch, 1_000_000_000L) + 2_208_988_800L;
        long fraction = (Math.floorMod(epoch, 1_000_000_000L) << 32) / 1_000_000_000L;
        return (seconds << 32) | fraction;
    }
}
