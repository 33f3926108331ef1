package dev.parley.sip.transaction;

/**
 * The transaction timers of RFC 3261 Table 4 (and RFC 6026 timers L and M), all derived from
 * T1, T2 and T4. Immutable; one per stack.
 *
 * @param t1          RTT estimate, default 500 ms (RFC 3261 §17.1.1.1)
 * @param t2          longest retransmit interval for non-INVITE requests and INVITE responses, default 4 s
 * @param t4          longest time a message stays in the network, default 5 s
 * @param timerD      wait for response retransmissions over UDP, at least 32 s (RFC 3261 §17.1.1.2)
 * @param tryingDelay how long the INVITE server transaction waits for the TU before it sends
 *                    100 Trying itself, 200 ms (RFC 3261 §17.2.1)
 */
public record TimerConfig(long t1, long t2, long t4, long timerD, long tryingDelay) {

    /** T1 = 500 ms, T2 = 4 s, T4 = 5 s, D = 32 s, 100 Trying after 200 ms. */
    public static final TimerConfig DEFAULT = new TimerConfig(500, 4000, 5000, 32_000, 200);

    public TimerConfig {
        if (t1 < 1 || t2 < t1 || t4 < 1 || timerD < 0 || tryingDelay < 0) {
            throw new IllegalArgumentException("bad timers: T1=" + t1 + " T2=" + t2 + " T4=" + t4
                    + " D=" + timerD + " trying=" + tryingDelay);
        }
    }

    public TimerConfig withT1(long value) {
        return new TimerConfig(value, Math.max(t2, value), t4, timerD, tryingDelay);
    }

    public TimerConfig withT2(long value) {
        return new TimerConfig(t1, value, t4, timerD, tryingDelay);
    }

    public TimerConfig withT4(long value) {
        return new TimerConfig(t1, t2, value, timerD, tryingDelay);
    }

    /** 64*T1: timers B, F, H, J (unreliable), L and M. */
    public long transactionTimeout() {
        return 64 * t1;
    }

    // RFC 3261 Table 4: Timer D is > 32 s for UDP and 0 s for TCP/SCTP.
    public long timerD(boolean reliable) {
        return reliable ? 0 : timerD;
    }

    // RFC 3261 Table 4: Timer I is T4 for UDP and 0 s for TCP/SCTP.
    public long timerI(boolean reliable) {
        return reliable ? 0 : t4;
    }

    // RFC 3261 Table 4: Timer J is 64*T1 for UDP and 0 s for TCP/SCTP.
    public long timerJ(boolean reliable) {
        return reliable ? 0 : 64 * t1;
    }

    // RFC 3261 Table 4: Timer K is T4 for UDP and 0 s for TCP/SCTP.
    public long timerK(boolean reliable) {
        return reliable ? 0 : t4;
    }
}
