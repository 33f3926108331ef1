package dev.parley.sip.transaction.peer;

import dev.parley.sip.message.Contact;
import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipMethod;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.message.Uri;
import dev.parley.sip.transaction.ClientTransaction;
import dev.parley.sip.transaction.Scheduler;
import dev.parley.sip.transaction.ServerTransaction;
import dev.parley.sip.transaction.TransactionStack;
import dev.parley.sip.transaction.TransactionUser;
import dev.parley.sip.transport.Endpoint;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scriptable peer for tests, interop runs and the load run: a UAC that places calls
 * (INVITE, ACK for the 2xx, BYE after a hold time) and counts how they end. As the TU of its own
 * stack it answers incoming BYE with 200 and anything else with 501.
 *
 * <p>Runs on the stack's event loop thread; the counters may be read from any thread.
 */
public final class CallingUac implements TransactionUser<SipRequest, SipResponse> {

    private final Scheduler scheduler;
    private final InetSocketAddress local;
    private final long holdMillis;
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong established = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private long counter;

    /** @param holdMillis time between the ACK and the BYE */
    public CallingUac(Scheduler scheduler, InetSocketAddress local, long holdMillis) {
        this.scheduler = scheduler;
        this.local = local;
        this.holdMillis = holdMillis;
    }

    /** Places one call to {@code user} at {@code target} through {@code stack}. */
    public void call(TransactionStack stack, Endpoint target, String user) {
        long n = ++counter;
        String host = local.getAddress().getHostAddress();
        SipUri to = SipUri.of(user, target.address().getAddress().getHostAddress(), target.address().getPort());
        SipUri me = SipUri.of("uac", host, local.getPort());
        String callId = Long.toHexString(n) + "-" + stack.ops().newTag() + "@" + host;
        SipRequest invite = SipRequest.builder(SipMethod.INVITE, to)
                .via(stack.newVia(target.transport()))
                .maxForwards(70)
                .from(NameAddr.of(me).withTag(stack.ops().newTag()))
                .to(NameAddr.of(to))
                .callId(callId)
                .cseq(1, SipMethod.INVITE)
                .contact(Contact.of(me))
                .build();
        started.incrementAndGet();
        try {
            stack.sendRequest(invite, target, new InviteListener(stack, invite, target));
        } catch (IllegalStateException full) {
            failed.incrementAndGet();
        }
    }

    /** Follows one INVITE: ACKs every 2xx, sends BYE once. */
    private final class InviteListener implements ClientTransaction.Listener<SipResponse> {
        private final TransactionStack stack;
        private final SipRequest invite;
        private final Endpoint target;
        private SipRequest ack;

        InviteListener(TransactionStack stack, SipRequest invite, Endpoint target) {
            this.stack = stack;
            this.invite = invite;
            this.target = target;
        }

        @Override
        public void onResponse(SipResponse response) {
            if (response.statusCode() / 100 != 2) {
                if (response.isFinal()) {
                    failed.incrementAndGet();
                }
                return;
            }
            if (ack != null) {
                // RFC 3261 §13.2.2.4: a retransmitted 2xx gets the same ACK again.
                stack.layer().sendAck(ack, target);
                return;
            }
            established.incrementAndGet();
            Uri remote = response.contacts().isEmpty() ? invite.requestUri() : response.contacts().get(0).address().uri();
            // RFC 3261 §13.2.2.4: the ACK for a 2xx is a new request in the dialog, with a new branch.
            ack = inDialog(SipMethod.ACK, 1, remote, response);
            stack.layer().sendAck(ack, target);
            SipRequest bye = inDialog(SipMethod.BYE, 2, remote, response);
            scheduler.schedule(holdMillis, () -> sendBye(bye));
        }

        private SipRequest inDialog(String method, long cseq, Uri remote, SipResponse ok) {
            return SipRequest.builder(method, remote)
                    .via(stack.newVia(target.transport()))
                    .maxForwards(70)
                    .from(invite.from())
                    .to(ok.to())
                    .callId(invite.callId())
                    .cseq(cseq, method)
                    .build();
        }

        private void sendBye(SipRequest bye) {
            try {
                stack.sendRequest(bye, target, new ClientTransaction.Listener<>() {
                    @Override
                    public void onResponse(SipResponse response) {
                        if (response.isFinal()) {
                            (response.statusCode() / 100 == 2 ? completed : failed).incrementAndGet();
                        }
                    }

                    @Override
                    public void onTimeout() {
                        failed.incrementAndGet();
                    }

                    @Override
                    public void onTransportError() {
                        failed.incrementAndGet();
                    }
                });
            } catch (IllegalStateException full) {
                failed.incrementAndGet();
            }
        }

        @Override
        public void onTimeout() {
            failed.incrementAndGet();
        }

        @Override
        public void onTransportError() {
            failed.incrementAndGet();
        }
    }

    @Override
    public void onRequest(ServerTransaction<SipRequest, SipResponse> tx, SipRequest request) {
        int code = request.isMethod(SipMethod.BYE) ? 200 : 501;
        tx.respond(request.createResponse(code, code == 200 ? "OK" : "Not Implemented", "uac" + Long.toHexString(++counter)));
    }

    /** INVITEs sent. */
    public long started() {
        return started.get();
    }

    /** Calls that got a 2xx. */
    public long established() {
        return established.get();
    }

    /** Calls whose BYE got a 2xx. */
    public long completed() {
        return completed.get();
    }

    /** Calls that ended in a failure response, timeout or transport error. */
    public long failed() {
        return failed.get();
    }
}
