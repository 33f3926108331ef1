package dev.parley.ua.internal.reg;

import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.message.Via;
import dev.parley.sip.transaction.ClientTransaction;
import dev.parley.sip.transaction.Timeout;
import dev.parley.sip.transport.Endpoint;
import dev.parley.ua.RegistrationStatus;
import java.util.concurrent.CompletableFuture;

/** What a {@link Registration} needs from its phone and line: identities, sending, timers. */
public interface RegistrarLink {

    String domain();

    NameAddr addressOfRecord();

    SipUri contactUri();

    String userAgent();

    Via newVia();

    String newTag();

    String newCallId();

    /** Where REGISTER goes (the outbound proxy if any, else the registrar), or null if it cannot be resolved. */
    Endpoint registrarEndpoint();

    void send(SipRequest request, Endpoint to, ClientTransaction.Listener<SipResponse> listener);

    Timeout schedule(long delayMillis, Runnable task);

    /** A uniform random number in [0, 1). */
    double random();

    /** Completes a future on the event thread. */
    void complete(CompletableFuture<RegistrationStatus> future, RegistrationStatus status);
}
