package dev.parley.ua.internal.phone;

import dev.parley.sip.message.SipParseException;
import dev.parley.sip.message.Uri;
import dev.parley.ua.Call;
import dev.parley.ua.TransferProgress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The call's side of transfers (RFC 3515, RFC 5589): checks the application's request on its
 * thread, then lets {@link OutgoingTransfer} send the REFER on the SIP thread; tells whether a BYE
 * ends the call as transferred.
 */
final class CallTransfers {

    private CallTransfers() {
    }

    /** RFC 5589 §6: the transferee is referred to {@code target}. */
    static CompletionStage<TransferProgress> blind(CallImpl call, String target) {
        Uri uri;
        try {
            uri = call.line.targetUri(target);
        } catch (SipParseException e) {
            throw new IllegalArgumentException("not a URI: " + target, e);
        }
        CompletableFuture<TransferProgress> stage = new CompletableFuture<>();
        call.core.runtime().execute(() -> OutgoingTransfer.begin(call, uri, null, stage));
        return stage.minimalCompletionStage();
    }

    /** RFC 5589 §7: the transferee is referred to the other end of {@code consultation}, which it replaces. */
    static CompletionStage<TransferProgress> attended(CallImpl call, Call consultation) {
        if (!(consultation instanceof CallImpl other) || other.core != call.core) {
            throw new IllegalArgumentException("the consultation call must be a call of the same phone");
        }
        if (other == call) {
            throw new IllegalArgumentException("a call cannot be transferred to itself");
        }
        CompletableFuture<TransferProgress> stage = new CompletableFuture<>();
        call.core.runtime().execute(() -> OutgoingTransfer.begin(call, null, other, stage));
        return stage.minimalCompletionStage();
    }

    /** Whether a BYE from the peer ends {@code call} as transferred rather than hung up. */
    static boolean transferredAway(CallImpl call) {
        return call.consultationInTransfer || (call.transferOut != null && call.transferOut.succeeded())
                || (call.transferIn != null && call.transferIn.pendingOrSucceeded());
    }
}
