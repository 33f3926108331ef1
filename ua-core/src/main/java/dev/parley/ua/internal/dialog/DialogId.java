package dev.parley.ua.internal.dialog;

import dev.parley.sip.message.SipMessage;
import dev.parley.sip.message.SipRequest;
import java.util.Objects;

/**
 * RFC 3261 §12: a dialog is identified by the Call-ID, the local tag and the remote tag. Tags are
 * compared as received (they are tokens, compared case-sensitively: §19.3).
 */
public record DialogId(String callId, String localTag, String remoteTag) {

    public DialogId {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(localTag, "localTag");
        Objects.requireNonNull(remoteTag, "remoteTag");
    }

    /**
     * RFC 3261 §12.2.2: for a request we receive, the local tag is the To tag and the remote tag the
     * From tag. Null when the request has no To tag (it is outside any dialog) or no From tag
     * (Lenient: an RFC 2543 peer; such a request cannot match a dialog).
     */
    public static DialogId ofIncomingRequest(SipRequest request) {
        String local = request.to().tag().orElse(null);
        String remote = request.from().tag().orElse(null);
        return local == null || remote == null ? null : new DialogId(request.callId(), local, remote);
    }

    /**
     * RFC 3261 §12.1.2: for a response to a request we sent, the local tag is the From tag and the
     * remote tag the To tag. Null when the response has no To tag (it cannot create a dialog).
     */
    public static DialogId ofIncomingResponse(SipMessage response) {
        String remote = response.to().tag().orElse(null);
        String local = response.from().tag().orElse(null);
        return local == null || remote == null ? null : new DialogId(response.callId(), local, remote);
    }
}
