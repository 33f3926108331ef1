package dev.parley.sip.transaction;

import dev.parley.sip.transaction.TransactionEvent.Kind;
import dev.parley.sip.transport.Endpoint;

/**
 * The non-INVITE client transaction: RFC 3261 §17.1.2, Figure 6.
 *
 * <pre>
 *   TRYING --1xx--> PROCEEDING --200-699--> COMPLETED --K--> TERMINATED
 *      \------200-699------------------------^
 *   E: retransmit, E = min(2E, T2) in Trying, E = T2 in Proceeding;   F or transport error: TERMINATED
 * </pre>
 */
final class NonInviteClientTransaction<Q, S> implements ClientTransaction {

    enum State { TRYING, PROCEEDING, COMPLETED, TERMINATED }

    private final TransactionContext<Q, S> ctx;
    private final Q request;
    private final String method;
    private final Endpoint peer;
    private final Listener<S> listener;
    private final Runnable onTerminated;
    private final TimerSet timers;
    private State state = State.TRYING;
    private long intervalE;

    NonInviteClientTransaction(TransactionContext<Q, S> ctx, Q request, String method, Endpoint peer,
                               Listener<S> listener, Runnable onTerminated) {
        this.ctx = ctx;
        this.request = request;
        this.method = method;
        this.peer = peer;
        this.listener = listener;
        this.onTerminated = onTerminated;
        this.timers = new TimerSet(ctx.scheduler(), k -> on(TransactionEvent.of(k)));
    }

    /** "Request from TU / send request": enters Trying. */
    void start() {
        TimerConfig t = ctx.timers();
        // RFC 3261 §17.1.2.2: timer F = 64*T1 for all transports; timer E = T1 for unreliable ones.
        timers.start(Kind.TIMER_F, t.transactionTimeout());
        if (!peer.reliable()) {
            intervalE = t.t1();
            timers.start(Kind.TIMER_E, intervalE);
        }
        if (!ctx.sender().sendRequest(request, peer)) {
            on(TransactionEvent.of(Kind.TRANSPORT_ERROR));
        }
    }

    void on(TransactionEvent<Q, S> event) {
        switch (state) {
            case TRYING, PROCEEDING -> active(event);
            case COMPLETED -> completed(event);
            case TERMINATED -> { }
        }
    }

    /** Trying and Proceeding differ only in how timer E is reset. */
    private void active(TransactionEvent<Q, S> event) {
        switch (event.kind()) {
            case TIMER_E -> {
                // RFC 3261 §17.1.2.2: in Trying, E restarts with min(2E, T2); in Proceeding, with T2.
                intervalE = state == State.TRYING ? Math.min(2 * intervalE, ctx.timers().t2()) : ctx.timers().t2();
                timers.start(Kind.TIMER_E, intervalE);
                if (!ctx.sender().sendRequest(request, peer)) {
                    transportError();
                }
            }
            case TIMER_F -> {
                // RFC 3261 §17.1.2.2: timer F fires in Trying or Proceeding: timeout to the TU, terminate.
                terminate();
                listener.onTimeout();
                listener.onTerminated();
            }
            case RESPONSE -> {
                int code = ctx.ops().statusCode(event.response());
                if (code < 200) {
                    // RFC 3261 §17.1.2.2: a provisional response moves Trying to Proceeding and goes to the TU.
                    state = State.PROCEEDING;
                    listener.onResponse(event.response());
                } else {
                    // RFC 3261 §17.1.2.2: a final response goes to the TU; Completed with timer K
                    // (T4 unreliable, 0 reliable).
                    timers.cancelAll();
                    state = State.COMPLETED;
                    listener.onResponse(event.response());
                    long k = ctx.timers().timerK(peer.reliable());
                    if (k == 0) {
                        terminate();
                        listener.onTerminated();
                    } else {
                        timers.start(Kind.TIMER_K, k);
                    }
                }
            }
            case TRANSPORT_ERROR -> transportError();
            default -> { }
        }
    }

    private void completed(TransactionEvent<Q, S> event) {
        // RFC 3261 §17.1.2.2: Completed absorbs retransmitted responses until timer K fires.
        if (event.kind() == Kind.TIMER_K) {
            terminate();
            listener.onTerminated();
        }
    }

    private void transportError() {
        // RFC 3261 §17.1.4: a transport failure is reported to the TU and the transaction terminates.
        terminate();
        listener.onTransportError();
        listener.onTerminated();
    }

    private void terminate() {
        timers.cancelAll();
        state = State.TERMINATED;
        onTerminated.run();
    }

    State state() {
        return state;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public Endpoint peer() {
        return peer;
    }

    @Override
    public boolean isTerminated() {
        return state == State.TERMINATED;
    }

    @Override
    public String describe() {
        String pending = timers.describe();
        return method + " client " + state + (pending.isEmpty() ? "" : " " + pending);
    }
}
