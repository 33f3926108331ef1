package dev.parley.ua.internal.phone;

import dev.parley.sip.message.SipMessageBuilder;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transaction.ClientTransaction;
import dev.parley.ua.internal.auth.Credentials;
import dev.parley.ua.internal.auth.DigestChallenge;
import java.util.List;
import java.util.function.Consumer;

/**
 * One request inside a call's dialog (re-INVITE, BYE, INFO, REFER, NOTIFY…) with the digest retry
 * of RFC 3261 §22.2: a 401 or 407 is answered by a new request (next CSeq, §12.2.1.1) carrying
 * credentials for the challenge, at most {@link #MAX_AUTH_RETRIES} times and not when the server
 * rejects the very nonce we answered (wrong password). Every other response, and the final
 * challenge when retrying cannot help, goes to the caller's listener. Runs on the SIP thread.
 */
final class DialogRequest {

    /** RFC 3261 §22: a server that keeps challenging gets at most this many retries. */
    static final int MAX_AUTH_RETRIES = 2;

    /** A listener that is also told of each request that goes out (the first one and each retry). */
    interface Listener extends ClientTransaction.Listener<SipResponse> {
        /** {@code request} was handed to a new client transaction; later responses belong to it. */
        default void sent(SipRequest request) {
        }
    }

    private final CallImpl call;
    private final String method;
    private final Consumer<SipMessageBuilder<SipRequest>> fill;
    private final ClientTransaction.Listener<SipResponse> listener;
    private int retries;

    private DialogRequest(CallImpl call, String method, Consumer<SipMessageBuilder<SipRequest>> fill,
                          ClientTransaction.Listener<SipResponse> listener) {
        this.call = call;
        this.method = method;
        this.fill = fill;
        this.listener = listener;
    }

    /**
     * Sends {@code method} in the call's dialog: {@code fill} adds what the method needs (Contact,
     * body, Refer-To…) to a request that has the dialog's headers, the next CSeq and User-Agent.
     * {@code listener} may be a {@link Listener} to learn which request is in flight.
     */
    static void send(CallImpl call, String method, Consumer<SipMessageBuilder<SipRequest>> fill,
                     ClientTransaction.Listener<SipResponse> listener) {
        new DialogRequest(call, method, fill, listener).attempt(List.of());
    }

    private void attempt(List<Credentials.Header> credentials) {
        SipMessageBuilder<SipRequest> b = call.dialog.newRequest(method, call.core.newVia(), null)
                .add("User-Agent", call.core.settings().userAgent());
        fill.accept(b);
        for (Credentials.Header h : credentials) {
            b.add(h.name(), h.value());
        }
        SipRequest request = b.build();
        if (listener instanceof Listener l) {
            l.sent(request);
        }
        call.core.send(request, call.line.hopFor(call.dialog, call.signalling), new ClientTransaction.Listener<>() {
            @Override
            public void onResponse(SipResponse r) {
                if (!retried(request, r)) {
                    listener.onResponse(r);
                }
            }

            @Override
            public void onTimeout() {
                listener.onTimeout();
            }

            @Override
            public void onTransportError() {
                listener.onTransportError();
            }
        });
    }

    /** RFC 3261 §22.2: answers a 401/407 with credentials when that can help; true if a retry went out. */
    private boolean retried(SipRequest request, SipResponse r) {
        int code = r.statusCode();
        if ((code != 401 && code != 407) || retries >= MAX_AUTH_RETRIES || call.dialog == null
                || call.state() == dev.parley.ua.CallState.ENDED && !method.equals("BYE")) {
            return false;
        }
        boolean proxy = code == 407;
        DigestChallenge c = DigestChallenge.best(r, proxy ? "Proxy-Authenticate" : "WWW-Authenticate")
                .orElse(null);
        boolean answered = request.hasHeader("Authorization") || request.hasHeader("Proxy-Authorization");
        if (c == null || !call.line.credentials().accept(c, proxy, answered)) {
            return false;
        }
        retries++;
        // RFC 3261 §22.3: the digest-uri is the Request-URI of the request the credentials go in.
        attempt(call.line.credentials().headersFor(method, request.requestUriText()));
        return true;
    }

    /**
     * RFC 3261 §13.2.2.4: "The ACK MUST contain the same credentials as the INVITE": copies the
     * INVITE's Authorization and Proxy-Authorization values into the ACK built for its 2xx.
     */
    static SipRequest ackWithCredentialsOf(SipRequest ack, SipRequest invite) {
        List<String> www = invite.headerValues("Authorization");
        List<String> proxy = invite.headerValues("Proxy-Authorization");
        if (www.isEmpty() && proxy.isEmpty()) {
            return ack;
        }
        SipMessageBuilder<SipRequest> b = ack.toBuilder();
        www.forEach(v -> b.add("Authorization", v));
        proxy.forEach(v -> b.add("Proxy-Authorization", v));
        return b.build();
    }
}
