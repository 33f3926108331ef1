package dev.parley.sip.transaction;

import dev.parley.sip.transaction.TransactionEvent.Kind;
import dev.parley.sip.transport.Endpoint;

/**
 * The INVITE client transaction: RFC 3261 §17.1.1, Figure 5, as updated by RFC 6026 §8.4
 * (2xx responses lead to the Accepted state and timer M instead of termination).
 *
 * <pre>
 *   CALLING --1xx--> PROCEEDING --2xx--> ACCEPTED --M--> TERMINATED
 *      |  \--2xx--> ACCEPTED         \--300-699, ACK sent--> COMPLETED --D--> TERMINATED
 *      \--300-699, ACK sent--> COMPLETED;   A: retransmit, double A;   B or transport error: TERMINATED
 * </pre>
 */
final class InviteClientTransaction<Q, S> implements ClientTransaction {

    enum State { CALLING, PROCEEDING, COMPLETED, ACCEPTED, TERMINATED }

    private final TransactionContext<Q, S> ctx;
    private final Q invite;
    private final Endpoint peer;
    private final Listener<S> listener;
    private final Runnable onTerminated;
    private final TimerSet timers;
    private State state = State.CALLING;
    private long intervalA;
    private Q ack;

    InviteClientTransaction(TransactionContext<Q, S> ctx, Q invite, Endpoint peer, Listener<S> listener,
                            Runnable onTerminated) {
        this.ctx = ctx;
        this.invite = invite;
        this.peer = peer;
        this.listener = listener;
        this.onTerminated = onTerminated;
        this.timers = new TimerSet(ctx.scheduler(), k -> on(TransactionEvent.of(k)));
    }

    /** "INVITE from TU / INVITE sent": enters Calling. */
    void start() {
        TimerConfig t = ctx.timers();
        if (!peer.reliable()) {
            // RFC 3261 §17.1.1.2: over an unreliable transport, start timer A with T1.
            intervalA = t.t1();
            timers.start(Kind.TIMER_A, intervalA);
        }
        // RFC 3261 §17.1.1.2: for any transport, start timer B with 64*T1.
        timers.start(Kind.TIMER_B, t.transactionTimeout());
        if (!ctx.sender().sendRequest(invite, peer)) {
            on(TransactionEvent.of(Kind.TRANSPORT_ERROR));
        }
    }

    void on(TransactionEvent<Q, S> event) {
        switch (state) {
            case CALLING -> calling(event);
            case PROCEEDING -> proceeding(event);
            case COMPLETED -> completed(event);
            case ACCEPTED -> accepted(event);
            case TERMINATED -> { } // RFC 3261 §17.1.1.2: nothing reaches a terminated transaction.
        }
    }

    private void calling(TransactionEvent<Q, S> event) {
        switch (event.kind()) {
            case TIMER_A -> {
                // RFC 3261 §17.1.1.2: when A fires, retransmit and restart A with twice its value.
                intervalA *= 2;
                timers.start(Kind.TIMER_A, intervalA);
                if (!ctx.sender().sendRequest(invite, peer)) {
                    transportError();
                }
            }
            case TIMER_B -> {
                // RFC 3261 §17.1.1.2: timer B fires in Calling: inform the TU of the timeout, terminate.
                terminate();
                listener.onTimeout();
                listener.onTerminated();
            }
            case RESPONSE -> response(event.response());
            case TRANSPORT_ERROR -> transportError();
            default -> { }
        }
    }

    private void proceeding(TransactionEvent<Q, S> event) {
        switch (event.kind()) {
            case RESPONSE -> response(event.response());
            case TRANSPORT_ERROR -> transportError();
            default -> { }
        }
    }

    /** Responses in Calling and Proceeding. */
    private void response(S response) {
        int code = ctx.ops().statusCode(response);
        if (code < 200) {
            // RFC 3261 §17.1.1.2: a provisional response moves Calling to Proceeding and stops
            // retransmissions; every provisional response goes to the TU.
            if (state == State.CALLING) {
                timers.cancel(Kind.TIMER_A);
                timers.cancel(Kind.TIMER_B);
                state = State.PROCEEDING;
            }
            listener.onResponse(response);
        } else if (code < 300) {
            // RFC 6026 §8.4: a 2xx goes to the TU and the transaction enters Accepted with timer M = 64*T1.
            timers.cancelAll();
            state = State.ACCEPTED;
            timers.start(Kind.TIMER_M, ctx.timers().transactionTimeout());
            listener.onResponse(response);
        } else {
            // RFC 3261 §17.1.1.2: 300-699: send the ACK, pass the response up, enter Completed with timer D.
            timers.cancelAll();
            state = State.COMPLETED;
            ack = ctx.ops().ackFor(invite, response);
            long d = ctx.timers().timerD(peer.reliable());
            boolean sent = ctx.sender().sendRequest(ack, peer);
            listener.onResponse(response);
            if (!sent) {
                transportError();
            } else if (d == 0) {
                terminate();
                listener.onTerminated();
            } else {
                timers.start(Kind.TIMER_D, d);
            }
        }
    }

    private void completed(TransactionEvent<Q, S> event) {
        switch (event.kind()) {
            case RESPONSE -> {
                // RFC 3261 §17.1.1.2: a retransmitted final response in Completed gets the ACK again
                // and is not passed up.
                if (ctx.ops().statusCode(event.response()) >= 300 && !ctx.sender().sendRequest(ack, peer)) {
                    transportError();
                }
            }
            case TIMER_D -> {
                terminate();
                listener.onTerminated();
            }
            case TRANSPORT_ERROR -> transportError();
            default -> { }
        }
    }

    private void accepted(TransactionEvent<Q, S> event) {
        switch (event.kind()) {
            case RESPONSE -> {
                // RFC 6026 §8.4: further 2xx (retransmissions or other forks) go to the TU, which ACKs them.
                if (ctx.ops().statusCode(event.response()) / 100 == 2) {
                    listener.onResponse(event.response());
                }
            }
            case TIMER_M -> {
                terminate();
                listener.onTerminated();
            }
            default -> { }
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
        return "INVITE";
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
        return "INVITE client " + state + (pending.isEmpty() ? "" : " " + pending);
    }
}
