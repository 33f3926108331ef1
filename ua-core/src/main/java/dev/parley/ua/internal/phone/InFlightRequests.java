package dev.parley.ua.internal.phone;

import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transaction.ClientTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The non-INVITE requests a phone has sent and not yet had a final answer for (BYE, INFO,
 * REGISTER…), so that closing the phone can wait for them before it frees the SIP socket: a BYE
 * sent just before {@code close()} still gets its 200 (RFC 3261 §15.1.1), and the peer's
 * retransmissions of that 200 do not hit a closed port. Each one is bounded by its transaction's
 * Timer F (64×T1, RFC 3261 §17.1.2.2). Confined to the SIP thread.
 */
final class InFlightRequests {

    private int open;
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();

    /** Wraps {@code listener} so that the request counts as in flight until its final outcome. */
    ClientTransaction.Listener<SipResponse> track(ClientTransaction.Listener<SipResponse> listener) {
        open++;
        return new ClientTransaction.Listener<>() {
            private boolean settled;

            private void settle() {
                if (!settled) {
                    settled = true;
                    done();
                }
            }

            // The listener runs first: a request it sends in turn (a BYE resent with credentials,
            // RFC 3261 §22.2) is in flight before this one stops counting.
            @Override
            public void onResponse(SipResponse response) {
                try {
                    listener.onResponse(response);
                } finally {
                    if (response.statusCode() >= 200) {
                        settle();
                    }
                }
            }

            @Override
            public void onTimeout() {
                try {
                    listener.onTimeout();
                } finally {
                    settle();
                }
            }

            @Override
            public void onTransportError() {
                try {
                    listener.onTransportError();
                } finally {
                    settle();
                }
            }

            @Override
            public void onTerminated() {
                try {
                    listener.onTerminated();
                } finally {
                    settle();
                }
            }
        };
    }

    /** How many requests wait for a final response. */
    int open() {
        return open;
    }

    /** Completes (on the SIP thread) once no request is in flight; at once if none is. */
    CompletableFuture<Void> settled() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (open == 0) {
            f.complete(null);
        } else {
            waiting.add(f);
        }
        return f;
    }

    private void done() {
        open--;
        if (open == 0) {
            List<CompletableFuture<Void>> now = new ArrayList<>(waiting);
            waiting.clear();
            now.forEach(f -> f.complete(null));
        }
    }
}
