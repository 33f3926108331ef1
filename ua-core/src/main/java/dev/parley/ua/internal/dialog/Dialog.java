package dev.parley.ua.internal.dialog;

import dev.parley.sip.message.Contact;
import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipMessageBuilder;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.message.Uri;
import dev.parley.sip.message.Via;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The state of one dialog (RFC 3261 §12): its identifier, the local and remote sequence numbers,
 * the local and remote URIs with their tags, the remote target and the route set. Plain logic,
 * no I/O: it makes in-dialog requests and judges the ones that arrive. Confined to the phone's
 * SIP thread.
 */
public final class Dialog {

    /** RFC 3261 §12.2.2: what to do with a request that arrived in this dialog. */
    public enum Verdict {
        /** Process it. */
        ACCEPT,
        /** RFC 3261 §12.2.2: CSeq lower than the remote sequence number: answer 500. */
        OUT_OF_ORDER
    }

    private final DialogId id;
    private final boolean secure;
    private final NameAddr localParty;
    private final NameAddr remoteParty;
    private DialogState state;
    private long localSeq;
    private long remoteSeq;
    private Uri remoteTarget;
    private List<NameAddr> routeSet;

    private Dialog(DialogId id, DialogState state, boolean secure, NameAddr localParty, NameAddr remoteParty,
                   long localSeq, long remoteSeq, Uri remoteTarget, List<NameAddr> routeSet) {
        this.id = id;
        this.state = state;
        this.secure = secure;
        this.localParty = localParty;
        this.remoteParty = remoteParty;
        this.localSeq = localSeq;
        this.remoteSeq = remoteSeq;
        this.remoteTarget = remoteTarget;
        this.routeSet = routeSet;
    }

    /**
     * RFC 3261 §12.1.2: the UAC side of a dialog, created by a 101–299 response with a To tag to
     * our {@code request}. Route set: the response's Record-Route in reverse order; remote target:
     * its Contact; local sequence number: the request's CSeq; remote sequence number: empty.
     */
    public static Dialog asUac(SipRequest request, SipResponse response) {
        DialogId id = DialogId.ofIncomingResponse(response);
        if (id == null || response.statusCode() < 101 || response.statusCode() > 299) {
            throw new IllegalArgumentException("a dialog needs a 101-299 response with a To tag");
        }
        List<NameAddr> routes = new ArrayList<>(response.recordRoutes());
        Collections.reverse(routes);
        boolean secure = request.requestUri() instanceof SipUri u && u.secure();
        return new Dialog(id, response.isSuccess() ? DialogState.CONFIRMED : DialogState.EARLY, secure,
                request.from(), response.to(), request.cseq().number(), -1,
                targetOf(response, request.requestUri()), List.copyOf(routes));
    }

    /**
     * RFC 3261 §12.1.1: the UAS side of a dialog, created when we answer {@code request} with a
     * 101–299 response carrying {@code localTag}. Route set: the request's Record-Route in order;
     * remote target: its Contact; remote sequence number: its CSeq; local sequence number: empty
     * (our first request will use a random-free start, 1).
     */
    public static Dialog asUas(SipRequest request, String localTag, boolean confirmed) {
        String remoteTag = request.from().tag()
                .orElseThrow(() -> new IllegalArgumentException("request without From tag"));
        DialogId id = new DialogId(request.callId(), localTag, remoteTag);
        boolean secure = request.requestUri() instanceof SipUri u && u.secure();
        return new Dialog(id, confirmed ? DialogState.CONFIRMED : DialogState.EARLY, secure,
                request.to().withTag(localTag), request.from(), 0, request.cseq().number(),
                targetOf(request, request.from().uri()), List.copyOf(request.recordRoutes()));
    }

    private static Uri targetOf(dev.parley.sip.message.SipMessage m, Uri fallback) {
        List<Contact> contacts = m.contacts();
        // Lenient: a target-refresh message without Contact keeps the previous target.
        return contacts.isEmpty() || contacts.get(0).isWildcard() ? fallback : contacts.get(0).address().uri();
    }

    public DialogId id() {
        return id;
    }

    public DialogState state() {
        return state;
    }

    public boolean isSecure() {
        return secure;
    }

    public NameAddr localParty() {
        return localParty;
    }

    public NameAddr remoteParty() {
        return remoteParty;
    }

    public long localSeq() {
        return localSeq;
    }

    /** The remote sequence number, or -1 while it is empty. */
    public long remoteSeq() {
        return remoteSeq;
    }

    public Uri remoteTarget() {
        return remoteTarget;
    }

    public List<NameAddr> routeSet() {
        return routeSet;
    }

    /**
     * RFC 3261 §13.2.2.4: a 2xx for the INVITE confirms an early dialog, and the route set is
     * recomputed from the 2xx (§12.2.1.2 for the target).
     */
    public void confirmAsUac(SipResponse twoHundred) {
        if (state == DialogState.EARLY) {
            List<NameAddr> routes = new ArrayList<>(twoHundred.recordRoutes());
            Collections.reverse(routes);
            routeSet = List.copyOf(routes);
        }
        state = DialogState.CONFIRMED;
        remoteTarget = targetOf(twoHundred, remoteTarget);
    }

    /** The UAS side: the ACK for our 2xx arrived (or the 2xx was sent: the dialog is confirmed then). */
    public void confirm() {
        if (state == DialogState.EARLY) {
            state = DialogState.CONFIRMED;
        }
    }

    public void terminate() {
        state = DialogState.TERMINATED;
    }

    /**
     * RFC 3261 §12.2.2: checks a request that matched this dialog and updates the remote sequence
     * number and, for a target refresh (re-INVITE, UPDATE), the remote target. ACK and CANCEL
     * carry the CSeq of the request they belong to and are not checked.
     */
    public Verdict onRemoteRequest(SipRequest request) {
        if (request.isMethod("ACK") || request.isMethod("CANCEL")) {
            return Verdict.ACCEPT;
        }
        long cseq = request.cseq().number();
        // RFC 3261 §12.2.2: a CSeq lower than the remote sequence number is out of order: 500.
        if (remoteSeq >= 0 && cseq < remoteSeq) {
            return Verdict.OUT_OF_ORDER;
        }
        remoteSeq = cseq;
        if (request.isMethod("INVITE") || request.isMethod("UPDATE")) {
            // RFC 3261 §12.2.2: a target refresh request replaces the remote target by its Contact.
            remoteTarget = targetOf(request, remoteTarget);
        }
        return Verdict.ACCEPT;
    }

    /** RFC 3261 §12.2.1.2: a 2xx to our target refresh request replaces the remote target. */
    public void onTargetRefreshResponse(SipResponse response) {
        if (response.isSuccess()) {
            remoteTarget = targetOf(response, remoteTarget);
        }
    }

    /**
     * RFC 3261 §12.2.1.1: a new request within the dialog, with the next local CSeq.
     *
     * @param via     the top Via, with a fresh branch
     * @param contact our Contact (for target refresh requests), or null
     */
    public SipMessageBuilder<SipRequest> newRequest(String method, Via via, Contact contact) {
        if ("ACK".equals(method) || "CANCEL".equals(method)) {
            throw new IllegalArgumentException(method + " reuses the CSeq number of its INVITE");
        }
        // RFC 3261 §12.2.1.1: the local sequence number MUST be incremented by one for each new request.
        localSeq++;
        return build(method, localSeq, via, contact);
    }

    /**
     * RFC 3261 §13.2.2.4: the ACK for a 2xx is built like an in-dialog request (§12.2.1.1), except
     * that its CSeq number is the INVITE's and its method ACK.
     */
    public SipRequest ackFor(SipRequest invite, Via via) {
        return build("ACK", invite.cseq().number(), via, null).build();
    }

    private SipMessageBuilder<SipRequest> build(String method, long cseq, Via via, Contact contact) {
        Uri requestUri;
        List<NameAddr> routes;
        if (!routeSet.isEmpty() && routeSet.get(0).uri() instanceof SipUri first && !first.isLooseRouter()) {
            // RFC 3261 §12.2.1.1: a strict router first: it becomes the Request-URI, and the
            // remote target goes last in the Route header field.
            requestUri = first.withoutParam("method");
            routes = new ArrayList<>(routeSet.subList(1, routeSet.size()));
            routes.add(NameAddr.of(remoteTarget));
        } else {
            requestUri = remoteTarget;
            routes = routeSet;
        }
        SipMessageBuilder<SipRequest> b = SipRequest.builder(method, requestUri)
                .via(Objects.requireNonNull(via, "via"))
                .maxForwards(70)
                .to(remoteParty)
                .from(localParty)
                .callId(id.callId())
                .cseq(cseq, method);
        for (NameAddr r : routes) {
            b.route(r);
        }
        if (contact != null) {
            b.contact(contact);
        }
        return b;
    }

    /** The first hop: the first Route if there is one (loose or strict), else the remote target. */
    public Uri nextHop() {
        return routeSet.isEmpty() ? remoteTarget : routeSet.get(0).uri();
    }

    @Override
    public String toString() {
        return "Dialog " + id + " " + state + " local " + localSeq + " remote " + remoteSeq + " target " + remoteTarget;
    }
}
