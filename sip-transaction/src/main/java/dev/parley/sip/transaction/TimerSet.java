package dev.parley.sip.transaction;

import dev.parley.sip.transaction.TransactionEvent.Kind;
import java.util.function.Consumer;

/**
 * The timers of one transaction, at most one per kind: scheduling a kind again replaces it, and
 * {@link #cancelAll()} runs when the transaction terminates so that no timer outlives it.
 */
final class TimerSet {

    private static final Kind[] KINDS = Kind.values();

    private final Scheduler scheduler;
    private final Consumer<Kind> target;
    private final Timeout[] pending = new Timeout[KINDS.length];

    TimerSet(Scheduler scheduler, Consumer<Kind> target) {
        this.scheduler = scheduler;
        this.target = target;
    }

    void start(Kind kind, long delayMillis) {
        cancel(kind);
        pending[kind.ordinal()] = scheduler.schedule(delayMillis, () -> {
            pending[kind.ordinal()] = null;
            target.accept(kind);
        });
    }

    void cancel(Kind kind) {
        Timeout t = pending[kind.ordinal()];
        if (t != null) {
            t.cancel();
            pending[kind.ordinal()] = null;
        }
    }

    void cancelAll() {
        for (int i = 0; i < pending.length; i++) {
            if (pending[i] != null) {
                pending[i].cancel();
                pending[i] = null;
            }
        }
    }

    boolean isPending(Kind kind) {
        return pending[kind.ordinal()] != null;
    }

    /** "A@1500 B@32000": pending timers and their deadlines, for debugging. */
    String describe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pending.length; i++) {
            if (pending[i] != null) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(KINDS[i].name().replace("TIMER_", "")).append('@').append(pending[i].deadline());
            }
        }
        return sb.toString();
    }
}
