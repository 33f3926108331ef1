package dev.parley.sip.transaction;

import dev.parley.sip.transaction.TransactionEvent.Kind;
import dev.parley.sip.transport.Endpoint;

/**
 * The non-INVITE server transaction: RFC 3261 §17.2.2, Figure 8.
 *
 * <pre>
 *   TRYING --1xx from TU--> PROCEEDING --200-699 from TU--> COMPLETED --J--> TERMINATED
 *      \-------------200-699 from TU------------------------^
 *   request retransmissions: dropped in Trying, answered with the last response afterwards
 * </pre>
 */
final class NonInviteServerTransaction<Q, S> implements ServerTransaction<Q, S> {

    enum State { TRYING, PROCEEDING, COMPLETED, TERMINATED }

    private final TransactionContext<Q, S> ctx;
    private Q request;
    /** In Completed: the request and final response as {@link MessageOps} retains them (the fields above are null). */
    private Object retainedRequest;
    private Object retainedResponse;
    private final String method;
    private final Endpoint peer;
    private final Runnable onTerminated;
    private final TimerSet timers;
    private State state = State.TRYING;
    private S lastResponse;

    NonInviteServerTransaction(TransactionContext<Q, S> ctx, Q request, String method, Endpoint peer,
                               Runnable onTerminated) {
        this.ctx = ctx;
        this.request = request;
        this.method = method;
        this.peer = peer;
        this.onTerminated = onTerminated;
        this.timers = new TimerSet(ctx.scheduler(), k -> on(TransactionEvent.of(k)));
    }

    void on(TransactionEvent<Q, S> event) {
        switch (state) {
            case TRYING, PROCEEDING -> active(event);
            case COMPLETED -> completed(event);
            case TERMINATED -> { }
        }
    }

    private void active(TransactionEvent<Q, S> event) {
        switch (event.kind()) {
            case REQUEST -> {
                // RFC 3261 §17.2.2: retransmissions are discarded in Trying and get the last
                // provisional response in Proceeding.
                if (state == State.PROCEEDING) {
                    send(lastResponse);
                }
            }
            case TU_RESPONSE -> {
                S response = event.response();
                lastResponse = response;
                if (ctx.ops().statusCode(response) < 200) {
                    state = State.PROCEEDING;
                    send(response);
                } else {
                    // RFC 3261 §17.2.2: a final response enters Completed with timer J
                    // (64*T1 unreliable, 0 reliable).
                    state = State.COMPLETED;
                    long j = ctx.timers().timerJ(peer.reliable());
                    if (j > 0) {
                        timers.start(Kind.TIMER_J, j);
                    }
                    send(response);
                    if (j == 0 && state == State.COMPLETED) {
                        terminate();
                    } else if (state == State.COMPLETED) {
                        // Completed lasts 64*T1 over UDP: keep the compact forms only.
                        retainedRequest = ctx.ops().retainRequest(request);
                        retainedResponse = ctx.ops().retainResponse(response);
                        request = null;
                        lastResponse = null;
                    }
                }
            }
            case TRANSPORT_ERROR -> transportError();
            default -> { }
        }
    }

    private void completed(TransactionEvent<Q, S> event) {
        switch (event.kind()) {
            // RFC 3261 §17.2.2: a retransmitted request in Completed gets the final response again.
            case REQUEST -> send(lastResponse != null ? lastResponse : ctx.ops().restoreResponse(retainedResponse));
            case TIMER_J -> terminate();
            case TRANSPORT_ERROR -> transportError();
            default -> { }
        }
    }

    private void send(S response) {
        if (!ctx.sender().sendResponse(response, peer)) {
            on(TransactionEvent.of(Kind.TRANSPORT_ERROR));
        }
    }

    private void transportError() {
        // RFC 3261 §17.2.4: a transport failure is reported to the TU and the transaction terminates.
        terminate();
        ctx.tu().onTransportError(this);
    }

    private void terminate() {
        timers.cancelAll();
        state = State.TERMINATED;
        onTerminated.run();
    }

    State state() {
        return state;
    }

    /** The request; in Completed, rebuilt from its retained form on each call. */
    @Override
    public Q request() {
        return request != null ? request : ctx.ops().restoreRequest(retainedRequest);
    }

    @Override
    public Endpoint peer() {
        return peer;
    }

    @Override
    public boolean respond(S response) {
        boolean accepted = state == State.TRYING || state == State.PROCEEDING;
        if (accepted) {
            on(TransactionEvent.tuResponse(response));
        }
        return accepted;
    }

    @Override
    public boolean hasFinalResponse() {
        return state == State.COMPLETED || state == State.TERMINATED;
    }

    @Override
    public boolean isTerminated() {
        return state == State.TERMINATED;
    }

    @Override
    public String describe() {
        String pending = timers.describe();
        return method + " server " + state + (pending.isEmpty() ? "" : " " + pending);
    }
}
