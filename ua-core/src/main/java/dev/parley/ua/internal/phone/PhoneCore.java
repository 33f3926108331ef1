package dev.parley.ua.internal.phone;

import dev.parley.sip.message.ParserLimits;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.message.Via;
import dev.parley.sip.transaction.ClientTransaction;
import dev.parley.sip.transaction.Scheduler;
import dev.parley.sip.transaction.ServerTransaction;
import dev.parley.sip.transaction.TransactionStack;
import dev.parley.sip.transaction.TransactionUser;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import dev.parley.ua.PhoneError;
import dev.parley.ua.internal.dialog.DialogTable;
import dev.parley.ua.internal.net.PhoneRuntime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The UA core of one phone (RFC 3261 §8, §12): owns the transaction stack and the SIP socket,
 * routes requests that arrive to the right line, call or dialog, and answers what no call owns
 * (OPTIONS, unknown dialogs, unsupported methods). Everything here runs on the SIP thread.
 */
public final class PhoneCore implements TransactionUser<SipRequest, SipResponse> {

    /** RFC 3261 §20.5: the methods a phone accepts (Allow). */
    static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REFER, NOTIFY";
    /** RFC 3261 §20.37: the extensions a phone understands (RFC 3891 Replaces). */
    static final String SUPPORTED = "replaces";
    static final int MAX_TRANSACTIONS = 4096;

    private final PhoneRuntime runtime;
    private final PhoneSettings settings;
    private final Events events;
    private final PhoneTransports transports;
    private final TransactionStack stack;
    private final DialogTable<CallImpl> dialogs;
    /** INVITE server transactions still waiting for a final response, for CANCEL (§9.2). */
    private final Map<ServerTransaction<SipRequest, SipResponse>, CallImpl> pendingInvites = new HashMap<>();
    private final List<LineImpl> lines = new CopyOnWriteArrayList<>();
    private final List<CallImpl> calls = new CopyOnWriteArrayList<>();
    private final InFlightRequests inFlight = new InFlightRequests();

    public PhoneCore(PhoneRuntime runtime, PhoneSettings settings, Events events, Endpoint sipAddress, boolean traceSip) {
        this.runtime = runtime;
        this.settings = settings;
        this.events = events;
        this.dialogs = new DialogTable<>(settings.maxCalls());
        // The stack needs the sockets and the sockets' handlers need the stack.
        this.transports = new PhoneTransports(runtime, events, sipAddress, traceSip);
        this.stack = new TransactionStack(runtime.scheduler(), settings.timers(), ParserLimits.DEFAULT,
                transports, this, transports.local().address(), settings.random(), MAX_TRANSACTIONS);
        transports.deliverTo(stack);
    }

    /**
     * Opens the listener of a stream transport if it is not open yet (RFC 3261 §18): TCP on the UDP
     * port number, TLS on the next port up, or on an ephemeral port when that is taken. Call from
     * outside the SIP thread (the application's, when a line is added).
     *
     * @throws UnsupportedOperationException on the in-memory runtime
     */
    public void enableTransport(TransportKind kind, javax.net.ssl.SSLContext tls) {
        transports.enable(kind, tls);
    }

    /** Where this phone listens for {@code kind}: the UDP socket, or the TCP/TLS listener. */
    Endpoint localEndpoint(TransportKind kind) {
        return transports.local(kind);
    }

    /** The TCP or TLS listener of {@code kind} (null while no line uses it); UDP: the SIP socket. */
    public Endpoint listenerOrNull(TransportKind kind) {
        return kind == TransportKind.UDP ? transports.local() : transports.listener(kind);
    }

    public PhoneRuntime runtime() {
        return runtime;
    }

    public PhoneSettings settings() {
        return settings;
    }

    public Events events() {
        return events;
    }

    public Scheduler scheduler() {
        return runtime.scheduler();
    }

    public TransactionStack stack() {
        return stack;
    }

    public DialogTable<CallImpl> dialogs() {
        return dialogs;
    }

    /** Where this phone receives SIP. */
    public Endpoint localEndpoint() {
        return transports.local();
    }

    /** The IP address of this phone as a string (for Contact, Via and SDP). */
    public String localHost() {
        return transports.local().address().getAddress().getHostAddress();
    }

    /**
     * {@code sip:user@ip:port} where this phone receives requests for {@code user}, with
     * {@code ;transport=tcp} or {@code tls} and that listener's port when the line of that user
     * uses a stream transport (RFC 3261 §19.1.1).
     */
    public SipUri contactUri(String user) {
        return contactUri(user, false);
    }

    /**
     * As {@link #contactUri(String)}; {@code secure} (or a {@code sips:} line) makes it
     * {@code sips:user@ip:tlsport} when the line is over TLS: RFC 3261 §8.1.1.8 and §12.1.1, a
     * request or dialog for a SIPS URI has a SIPS Contact (no transport parameter: sips: means TLS).
     */
    public SipUri contactUri(String user, boolean secure) {
        return contactUri(user, secure, null);
    }

    /**
     * As {@link #contactUri(String, boolean)}, naming our listener for {@code over} (the transport of
     * the call's INVITE) when we have one, so that the peer's requests come back the way it was
     * reached; null or a transport we do not listen on: the line's.
     */
    public SipUri contactUri(String user, boolean secure, TransportKind over) {
        TransportKind kind = TransportKind.UDP;
        boolean sipsLine = false;
        for (LineImpl line : lines) {
            if (line.config().user().equals(user)) {
                kind = line.config().transport();
                sipsLine = line.config().sips();
                break;
            }
        }
        if (over != null && listenerOrNull(over) != null) {
            kind = over;
        }
        SipUri uri = SipUri.of(user, localHost(), localEndpoint(kind).address().getPort());
        if (kind == TransportKind.TLS && (secure || sipsLine)) {
            return uri.asSips();
        }
        return kind == TransportKind.UDP ? uri : uri.withParam("transport", kind.viaName().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * RFC 3261 §18.1.1: the top Via names the transport the request goes out on, with the port of
     * our listener for it. The core builds Vias for UDP; this rewrites them for TCP and TLS.
     */
    SipRequest viaFor(SipRequest request, TransportKind kind) {
        Via v = request.topVia();
        if (v == null || v.transport().equalsIgnoreCase(kind.viaName())) {
            return request;
        }
        Via fixed = new Via(v.protocol(), kind.viaName(), v.host(), localEndpoint(kind).address().getPort(), v.params());
        return request.toBuilder().removeFirstValue("Via").via(fixed).build();
    }

    /** Sends an ACK for a 2xx (RFC 3261 §13.2.2.4) over {@code hop}'s transport. */
    void sendAck(SipRequest ack, Endpoint hop) {
        stack.layer().sendAck(viaFor(ack, hop.transport()), hop);
    }

    /** A top Via with a fresh branch (RFC 3261 §8.1.1.7). */
    public Via newVia() {
        return stack.newVia(TransportKind.UDP);
    }

    public String newTag() {
        return stack.ops().newTag();
    }

    /** A Call-ID (RFC 3261 §8.1.1.4): random, with this host to keep it globally unique. */
    public String newCallId() {
        return Long.toHexString(settings.random().nextLong()) + Long.toHexString(settings.random().nextLong())
                + "@" + localHost();
    }

    public void addLine(LineImpl line) {
        lines.add(line);
    }

    public List<LineImpl> lines() {
        return lines;
    }

    public List<CallImpl> calls() {
        return calls;
    }

    void callStarted(CallImpl call) {
        calls.add(call);
    }

    void callEnded(CallImpl call) {
        calls.remove(call);
        if (call.dialogId() != null) {
            dialogs.remove(call.dialogId());
        }
        pendingInvites.values().remove(call);
    }

    void invitePending(ServerTransaction<SipRequest, SipResponse> tx, CallImpl call) {
        pendingInvites.put(tx, call);
    }

    void inviteAnswered(ServerTransaction<SipRequest, SipResponse> tx) {
        pendingInvites.remove(tx);
    }

    /**
     * Sends a request in a client transaction. A full transaction table or a failed send is
     * reported to the listener as a transport error (RFC 3261 §8.1.3.1: act as if 503).
     */
    public void send(SipRequest request, Endpoint to, ClientTransaction.Listener<SipResponse> listener) {
        ClientTransaction.Listener<SipResponse> tracked = request.isMethod("INVITE") || request.isMethod("ACK")
                ? listener : inFlight.track(listener);
        try {
            stack.sendRequest(viaFor(request, to.transport()), to, tracked);
        } catch (IllegalStateException | IllegalArgumentException e) {
            events.fire(l -> l.onError(new PhoneError("sip", "cannot send " + request.method() + ": " + e.getMessage(), e)));
            tracked.onTransportError();
        }
    }

    /**
     * Completes once every non-INVITE request sent so far has its final response (or timed out):
     * closing waits for it, so that the answer to a last BYE is still received.
     */
    public java.util.concurrent.CompletableFuture<Void> requestsSettled() {
        return inFlight.settled();
    }

    // ------------------------------------------------------------------ incoming requests

    @Override
    public void onRequest(ServerTransaction<SipRequest, SipResponse> tx, SipRequest request) {
        DialogTable.Match<CallImpl> match = dialogs.match(request);
        if (match instanceof DialogTable.InDialog<CallImpl> in) {
            in.owner().onInDialogRequest(tx, request);
        } else if (match instanceof DialogTable.UnknownDialog<CallImpl>) {
            // RFC 3261 §12.2.2: a request with a To tag that matches no dialog gets 481.
            respond(tx, request, 481, "Call/Transaction Does Not Exist");
        } else {
            OutOfDialog.handle(this, tx, request);
        }
    }

    void respond(ServerTransaction<SipRequest, SipResponse> tx, SipRequest request, int code, String reason) {
        tx.respond(stack.ops().responseFor(request, code, reason));
    }

    @Override
    public void onAck(SipRequest ack, Endpoint from) {
        if (dialogs.match(ack) instanceof DialogTable.InDialog<CallImpl> in) {
            in.owner().onAck(ack);
        }
        // RFC 3261 §17.2.3: an ACK for no dialog is dropped (it has no response).
    }

    @Override
    public void onCancel(ServerTransaction<SipRequest, SipResponse> cancelled, SipRequest cancel) {
        CallImpl call = pendingInvites.remove(cancelled);
        if (call != null) {
            call.onCancel();
        }
    }

    @Override
    public void onTimeout(ServerTransaction<SipRequest, SipResponse> transaction) {
        CallImpl call = pendingInvites.remove(transaction);
        if (call != null) {
            call.onServerTimeout();
        }
    }

    @Override
    public void onTransportError(ServerTransaction<SipRequest, SipResponse> transaction) {
        CallImpl call = pendingInvites.remove(transaction);
        if (call != null) {
            call.onServerTransportError();
        }
    }

    /** Closes the SIP socket and the TCP/TLS listeners; calls and registrations must have ended. */
    public void closeSocket() {
        transports.close();
    }

    /** Snapshot of the calls (for close). */
    List<CallImpl> callsSnapshot() {
        return new ArrayList<>(calls);
    }
}
