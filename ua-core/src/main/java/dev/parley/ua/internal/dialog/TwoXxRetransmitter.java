package dev.parley.ua.internal.dialog;

import dev.parley.sip.transaction.Scheduler;
import dev.parley.sip.transaction.Timeout;
import dev.parley.sip.transaction.TimerConfig;

/**
 * RFC 3261 §13.3.1.4: the UAS core retransmits its 2xx to an INVITE, starting at T1 and doubling up
 * to T2, until the ACK arrives; if no ACK arrives within 64*T1, the dialog is confirmed and then
 * ended with a BYE. Over a reliable transport the 2xx is sent once, but the 64*T1 wait still runs.
 * Exactly one timer is pending at a time, and none after {@link #acknowledged} or the give-up.
 */
public final class TwoXxRetransmitter {

    private final Scheduler scheduler;
    private final TimerConfig timers;
    private final boolean reliable;
    private final Runnable resend;
    private final Runnable giveUp;
    private final long deadline;
    private long interval;
    private Timeout pending;
    private int retransmissions;
    private boolean done;

    /**
     * Starts the timers; the first 2xx has just been sent by the caller.
     *
     * @param resend sends the 2xx again
     * @param giveUp called once when 64*T1 passed without ACK
     */
    public TwoXxRetransmitter(Scheduler scheduler, TimerConfig timers, boolean reliable, Runnable resend,
                              Runnable giveUp) {
        this.scheduler = scheduler;
        this.timers = timers;
        this.reliable = reliable;
        this.resend = resend;
        this.giveUp = giveUp;
        this.deadline = scheduler.now() + timers.transactionTimeout();
        this.interval = timers.t1();
        schedule();
    }

    private void schedule() {
        long now = scheduler.now();
        long next = reliable ? deadline - now : Math.min(interval, deadline - now);
        pending = scheduler.schedule(Math.max(0, next), this::fire);
    }

    private void fire() {
        if (done) {
            return;
        }
        if (scheduler.now() >= deadline) {
            done = true;
            giveUp.run();
            return;
        }
        retransmissions++;
        resend.run();
        // RFC 3261 §13.3.1.4: the interval doubles each time, up to T2.
        interval = Math.min(interval * 2, timers.t2());
        schedule();
    }

    /** The ACK arrived: stop retransmitting. */
    public void acknowledged() {
        stop();
    }

    /** The dialog ended another way (BYE, phone closed): cancel the timer. */
    public void stop() {
        done = true;
        if (pending != null) {
            pending.cancel();
        }
    }

    public boolean isDone() {
        return done;
    }

    public int retransmissions() {
        return retransmissions;
    }
}
