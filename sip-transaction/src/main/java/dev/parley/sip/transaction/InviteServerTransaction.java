package dev.parley.sip.transaction;

import dev.parley.sip.transaction.TransactionEvent.Kind;
import dev.parley.sip.transport.Endpoint;

/**
 * The INVITE server transaction: RFC 3261 §17.2.1, Figure 7, as updated by RFC 6026 §8.5–8.7
 * (a 2xx from the TU leads to the Accepted state and timer L, which absorbs INVITE retransmissions
 * and passes ACKs to the TU).
 *
 * <pre>
 *   PROCEEDING --2xx from TU--> ACCEPTED --L--> TERMINATED
 *       \--300-699 from TU--> COMPLETED --ACK--> CONFIRMED --I--> TERMINATED
 *   Trying timer: 100 Trying if the TU is silent for 200 ms;  G: resend final, G = min(2G, T2);
 *   H or transport error: TERMINATED
 * </pre>
 */
final class InviteServerTransaction<Q, S> implements ServerTransaction<Q, S> {

    enum State { PROCEEDING, COMPLETED, CONFIRMED, ACCEPTED, TERMINATED }

    private final TransactionContext<Q, S> ctx;
    private Q invite;
    /** The INVITE as {@link MessageOps#retainRequest} keeps it once Accepted (then {@code invite} is null). */
    private Object retainedInvite;
    private final Endpoint peer;
    private final Runnable onTerminated;
    private final TimerSet timers;
    private State state = State.PROCEEDING;
    private S lastResponse;
    private long intervalG;

    InviteServerTransaction(TransactionContext<Q, S> ctx, Q invite, Endpoint peer, Runnable onTerminated) {
        this.ctx = ctx;
        this.invite = invite;
        this.peer = peer;
        this.onTerminated = onTerminated;
        this.timers = new TimerSet(ctx.scheduler(), k -> on(TransactionEvent.of(k)));
    }

    /** "INVITE / pass INV to TU": enters Proceeding; the layer then passes the INVITE to the TU. */
    void start() {
        // RFC 3261 §17.2.1: the server transaction MUST send 100 Trying unless the TU answers
        // within 200 ms.
        timers.start(Kind.TIMER_TRYING, ctx.timers().tryingDelay());
    }

    void on(TransactionEvent<Q, S> event) {
        switch (state) {
            case PROCEEDING -> proceeding(event);
            case COMPLETED -> completed(event);
            case CONFIRMED -> confirmed(event);
            case ACCEPTED -> accepted(event);
            case TERMINATED -> { }
        }
    }

    private void proceeding(TransactionEvent<Q, S> event) {
        switch (event.kind()) {
            case TIMER_TRYING -> send(ctx.ops().responseFor(invite, 100, "Trying"), true);
            case REQUEST -> {
                // RFC 3261 §17.2.1: an INVITE retransmission in Proceeding gets the latest provisional response.
                if (lastResponse != null) {
                    send(lastResponse, false);
                }
            }
            case TU_RESPONSE -> {
                timers.cancel(Kind.TIMER_TRYING);
                S response = event.response();
                int code = ctx.ops().statusCode(response);
                if (code < 200) {
                    send(response, true);
                } else if (code < 300) {
                    // RFC 6026 §8.5: a 2xx is sent once (the TU retransmits it); enter Accepted with timer L = 64*T1.
                    state = State.ACCEPTED;
                    timers.start(Kind.TIMER_L, ctx.timers().transactionTimeout());
                    // Accepted never resends on its own (the TU owns 2xx retransmissions), so the
                    // response is not kept: a loaded UAS holds tens of thousands of Accepted transactions.
                    lastResponse = null;
                    // Nor is the parsed INVITE: only its retained form (the wire bytes) stays for request().
                    retainedInvite = ctx.ops().retainRequest(invite);
                    invite = null;
                    send(response, false);
                } else {
                    // RFC 3261 §17.2.1: 300-699: send, enter Completed; timer G = T1 (unreliable only),
                    // timer H = 64*T1.
                    state = State.COMPLETED;
                    if (!peer.reliable()) {
                        intervalG = ctx.timers().t1();
                        timers.start(Kind.TIMER_G, intervalG);
                    }
                    timers.start(Kind.TIMER_H, ctx.timers().transactionTimeout());
                    send(response, true);
                }
            }
            case TRANSPORT_ERROR -> transportError();
            default -> { }
        }
    }

    private void completed(TransactionEvent<Q, S> event) {
        switch (event.kind()) {
            case REQUEST -> {
                if ("ACK".equals(ctx.ops().requestFields(event.request()).method())) {
                    // RFC 3261 §17.2.1: ACK in Completed: enter Confirmed, stop G, start timer I
                    // (T4 unreliable, 0 reliable).
                    timers.cancelAll();
                    state = State.CONFIRMED;
                    long i = ctx.timers().timerI(peer.reliable());
                    if (i == 0) {
                        terminate();
                    } else {
                        timers.start(Kind.TIMER_I, i);
                    }
                } else {
                    // RFC 3261 §17.2.1: an INVITE retransmission in Completed gets the final response again.
                    send(lastResponse, false);
                }
            }
            case TIMER_G -> {
                // RFC 3261 §17.2.1: when G fires, resend the response and reset G to min(2G, T2).
                intervalG = Math.min(2 * intervalG, ctx.timers().t2());
                timers.start(Kind.TIMER_G, intervalG);
                send(lastResponse, false);
            }
            case TIMER_H -> {
                // RFC 3261 §17.2.1: timer H fires in Completed: no ACK came; terminate and inform the TU.
                terminate();
                ctx.tu().onTimeout(this);
            }
            case TRANSPORT_ERROR -> transportError();
            default -> { }
        }
    }

    private void confirmed(TransactionEvent<Q, S> event) {
        // RFC 3261 §17.2.1: Confirmed absorbs further ACKs until timer I fires.
        if (event.kind() == Kind.TIMER_I) {
            terminate();
        }
    }

    private void accepted(TransactionEvent<Q, S> event) {
        switch (event.kind()) {
            case REQUEST -> {
                // RFC 6026 §8.6: INVITE retransmissions are absorbed; an ACK (for the 2xx) goes to the TU.
                Q request = event.request();
                if ("ACK".equals(ctx.ops().requestFields(request).method())) {
                    ctx.tu().onAck(request, peer);
                }
            }
            case TU_RESPONSE -> {
                // RFC 6026 §8.6: further 2xx from the TU (its retransmissions) are passed to the transport.
                if (ctx.ops().statusCode(event.response()) / 100 == 2) {
                    send(event.response(), true);
                }
            }
            case TIMER_L -> terminate();
            // RFC 6026 §8.7: the TU retransmits the 2xx, so it is told of a failure; the state stays.
            case TRANSPORT_ERROR -> ctx.tu().onTransportError(this);
            default -> { }
        }
    }

    private void send(S response, boolean remember) {
        if (remember) {
            lastResponse = response;
        }
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

    /** The last response sent (null before the first), for RFC 2543 ACK matching. */
    S lastResponse() {
        return lastResponse;
    }

    /** The INVITE; once Accepted, rebuilt from its retained form on each call. */
    @Override
    public Q request() {
        return invite != null ? invite : ctx.ops().restoreRequest(retainedInvite);
    }

    @Override
    public Endpoint peer() {
        return peer;
    }

    @Override
    public boolean respond(S response) {
        int code = ctx.ops().statusCode(response);
        boolean accepted = state == State.PROCEEDING || (state == State.ACCEPTED && code / 100 == 2);
        if (accepted) {
            on(TransactionEvent.tuResponse(response));
        }
        return accepted;
    }

    @Override
    public boolean hasFinalResponse() {
        return state != State.PROCEEDING;
    }

    @Override
    public boolean isTerminated() {
        return state == State.TERMINATED;
    }

    @Override
    public String describe() {
        String pending = timers.describe();
        return "INVITE server " + state + (pending.isEmpty() ? "" : " " + pending);
    }
}
