package dev.parley.sip.transaction.peer;

import dev.parley.sip.message.Contact;
import dev.parley.sip.message.HeaderNames;
import dev.parley.sip.message.SipMessageBuilder;
import dev.parley.sip.message.SipMethod;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.transaction.Scheduler;
import dev.parley.sip.transaction.ServerTransaction;
import dev.parley.sip.transaction.TimerConfig;
import dev.parley.sip.transaction.Timeout;
import dev.parley.sip.transaction.TransactionUser;
import dev.parley.sip.transport.Endpoint;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scriptable peer for tests, interop runs and the load run: a UAS that answers every INVITE
 * with 200 (optionally after a 180), retransmits the 200 until the ACK comes (RFC 3261
 * §13.3.1.4), answers BYE and OPTIONS with 200, CANCEL by 487 to the INVITE, and anything else
 * with 501. It keeps no more than {@code maxCalls} unacknowledged calls.
 *
 * <p>Runs on the stack's event loop thread; the counters may be read from any thread.
 */
public final class AnsweringUas implements TransactionUser<SipRequest, SipResponse> {

    private final Scheduler scheduler;
    private final TimerConfig timers;
    private final SipUri contact;
    private final long ringMillis;
    private final int maxCalls;
    private final Map<String, Pending> awaitingAck = new HashMap<>();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong byes = new AtomicLong();
    private final AtomicLong cancelled = new AtomicLong();
    private final AtomicLong ackTimeouts = new AtomicLong();
    private long tagCounter;

    /** A 200 waiting for its ACK, and its retransmission timer. */
    private static final class Pending {
        final ServerTransaction<SipRequest, SipResponse> tx;
        final SipResponse ok;
        final long startedAt;
        long interval;
        Timeout timer;

        Pending(ServerTransaction<SipRequest, SipResponse> tx, SipResponse ok, long startedAt) {
            this.tx = tx;
            this.ok = ok;
            this.startedAt = startedAt;
        }
    }

    /**
     * @param local      this UAS's address, for its Contact
     * @param ringMillis 0 to answer at once; otherwise 180 first and 200 after this many ms
     */
    public AnsweringUas(Scheduler scheduler, TimerConfig timers, InetSocketAddress local, long ringMillis, int maxCalls) {
        this.scheduler = scheduler;
        this.timers = timers;
        this.contact = SipUri.of("uas", local.getAddress().getHostAddress(), local.getPort());
        this.ringMillis = ringMillis;
        this.maxCalls = maxCalls;
    }

    @Override
    public void onRequest(ServerTransaction<SipRequest, SipResponse> tx, SipRequest request) {
        switch (request.method()) {
            case SipMethod.INVITE -> invite(tx, request);
            case SipMethod.BYE -> {
                byes.incrementAndGet();
                tx.respond(request.createResponse(200, "OK", null));
            }
            case SipMethod.OPTIONS -> tx.respond(request.createResponse(200, "OK", nextTag()));
            default -> tx.respond(request.createResponse(501, "Not Implemented", nextTag()));
        }
    }

    private void invite(ServerTransaction<SipRequest, SipResponse> tx, SipRequest invite) {
        if (awaitingAck.size() >= maxCalls) {
            tx.respond(invite.createResponse(503, "Service Unavailable", nextTag()));
            return;
        }
        String tag = nextTag();
        if (ringMillis == 0) {
            answer(tx, invite, tag);
            return;
        }
        tx.respond(dialogResponse(invite, 180, "Ringing", tag).build());
        scheduler.schedule(ringMillis, () -> {
            if (!tx.hasFinalResponse()) {
                answer(tx, invite, tag);
            }
        });
    }

    private void answer(ServerTransaction<SipRequest, SipResponse> tx, SipRequest invite, String tag) {
        SipResponse ok = dialogResponse(invite, 200, "OK", tag).contact(Contact.of(contact)).build();
        Pending p = new Pending(tx, ok, scheduler.now());
        awaitingAck.put(invite.callId(), p);
        answered.incrementAndGet();
        tx.respond(ok);
        // RFC 3261 §13.3.1.4: retransmit the 2xx at T1, doubling up to T2, until the ACK arrives.
        p.interval = timers.t1();
        p.timer = scheduler.schedule(p.interval, () -> retransmit(invite.callId(), p));
    }

    /**
     * RFC 3261 §12.1.1: a response that establishes a dialog (the 2xx, or a 1xx with a To tag for
     * an early dialog) carries every Record-Route value of the request, in order and unchanged.
     */
    private static SipMessageBuilder<SipResponse> dialogResponse(SipRequest invite, int code, String reason, String tag) {
        SipMessageBuilder<SipResponse> b = invite.createResponse(code, reason, tag).toBuilder();
        for (String recordRoute : invite.headerLines(HeaderNames.RECORD_ROUTE)) {
            b.add(HeaderNames.RECORD_ROUTE, recordRoute);
        }
        return b;
    }

    private void retransmit(String callId, Pending p) {
        if (awaitingAck.get(callId) != p) {
            return;
        }
        // RFC 3261 §13.3.1.4: give up after 64*T1 without an ACK.
        if (scheduler.now() - p.startedAt >= timers.transactionTimeout()) {
            awaitingAck.remove(callId);
            ackTimeouts.incrementAndGet();
            return;
        }
        p.tx.respond(p.ok);
        p.interval = Math.min(2 * p.interval, timers.t2());
        p.timer = scheduler.schedule(p.interval, () -> retransmit(callId, p));
    }

    @Override
    public void onAck(SipRequest ack, Endpoint from) {
        Pending p = awaitingAck.remove(ack.callId());
        if (p != null) {
            p.timer.cancel();
            acked.incrementAndGet();
        }
    }

    @Override
    public void onCancel(ServerTransaction<SipRequest, SipResponse> cancelled, SipRequest cancel) {
        // RFC 3261 §9.2: the UAS answers the cancelled INVITE with 487.
        if (cancelled.request().isMethod(SipMethod.INVITE)
                && cancelled.respond(cancelled.request().createResponse(487, "Request Terminated", nextTag()))) {
            this.cancelled.incrementAndGet();
        }
    }

    private String nextTag() {
        return "uas" + Long.toHexString(++tagCounter);
    }

    /** INVITEs answered 200. */
    public long answered() {
        return answered.get();
    }

    /** 200s acknowledged. */
    public long acked() {
        return acked.get();
    }

    /** BYEs answered. */
    public long byes() {
        return byes.get();
    }

    /** INVITEs answered 487 after a CANCEL. */
    public long cancelled() {
        return cancelled.get();
    }

    /** 200s never acknowledged within 64*T1. */
    public long ackTimeouts() {
        return ackTimeouts.get();
    }

    /** 200s still waiting for their ACK. */
    public int awaitingAck() {
        return awaitingAck.size();
    }
}
