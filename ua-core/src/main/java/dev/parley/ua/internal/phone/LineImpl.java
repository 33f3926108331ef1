package dev.parley.ua.internal.phone;

import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.message.Uri;
import dev.parley.sip.message.Via;
import dev.parley.sip.transaction.ClientTransaction;
import dev.parley.sip.transaction.Timeout;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import dev.parley.ua.Call;
import dev.parley.ua.LineConfig;
import dev.parley.ua.PhoneError;
import dev.parley.ua.PhoneLine;
import dev.parley.ua.RegistrationStatus;
import dev.parley.ua.internal.auth.Credentials;
import dev.parley.ua.internal.dialog.Dialog;
import dev.parley.ua.internal.reg.RegistrarLink;
import dev.parley.ua.internal.reg.Registration;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** One account: its identity, credentials, registration and calls. State changes run on the SIP thread. */
public final class LineImpl implements PhoneLine {

    private final PhoneCore core;
    private final LineConfig config;
    private final Credentials credentials;
    private final Registration registration;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Endpoint registrar;
    private final Endpoint outboundProxy;
    private volatile RegistrationStatus status;
    private volatile boolean doNotDisturb;
    private volatile boolean autoAnswer;
    private volatile boolean acceptTransfers = true;

    public LineImpl(PhoneCore core, LineConfig config) throws UnknownHostException {
        this.core = core;
        this.config = config;
        this.credentials = new Credentials(config.authUser(), config.password(), core.settings().random());
        // A line that must register fails fast on a bad registrar; others resolve it when first needed.
        this.registrar = config.registrationRequired() ? NextHopChoice.endpoint(config.registrar(), config.transport()) : null;
        this.outboundProxy = config.outboundProxy().isEmpty() ? null
                : NextHopChoice.endpoint(config.outboundProxy(), config.transport());
        this.registration = new Registration(new Link(), credentials, config.expirySeconds(), this::registrationChanged);
        this.status = registration.status();
    }

    private void registrationChanged(RegistrationStatus s) {
        status = s;
        core.events().fire(l -> l.onRegistrationChanged(this, s));
    }

    Credentials credentials() {
        return credentials;
    }

    /** Our From identity: the address of record with the display name. */
    NameAddr identity() {
        SipUri plain = SipUri.of(config.user(), config.domain());
        SipUri aor = config.sips() ? plain.asSips() : plain;
        return config.displayName().isEmpty() ? NameAddr.of(aor) : NameAddr.of(config.displayName(), aor);
    }

    /** Where an out-of-dialog request to {@code target} goes first: the outbound proxy, else the target. */
    Endpoint firstHop(Uri target) {
        return outboundProxy != null ? outboundProxy : resolve(target, config.transport());
    }

    /** {@code target}'s endpoint ({@link NextHopChoice}), or null, told to the listener, when it cannot be resolved. */
    private Endpoint resolve(Uri target, TransportKind usual) {
        try {
            return NextHopChoice.endpoint(target, usual);
        } catch (UnknownHostException | RuntimeException e) {
            core.events().fire(l -> l.onError(new PhoneError("line " + config.user(), "cannot resolve " + target, e)));
            return null;
        }
    }

    /**
     * Where an in-dialog request goes: the outbound proxy, else the first route or the remote target,
     * over its {@code transport} parameter (TLS for sips:) or else over {@code dialogTransport}, the
     * transport the dialog's INVITE used (null: the line's).
     */
    Endpoint hopFor(Dialog dialog, TransportKind dialogTransport) {
        Endpoint hop = outboundProxy != null ? outboundProxy
                : resolve(dialog.nextHop(), dialogTransport != null ? dialogTransport : config.transport());
        return hop != null ? hop : registrar;
    }

    void callStarted(CallImpl call) {
        if (!calls.contains(call)) {
            calls.add(call);
        }
    }

    void callEnded(CallImpl call) {
        calls.remove(call);
    }

    void incomingCall(CallImpl call) {
        calls.add(call);
        core.events().fire(l -> l.onIncomingCall(call));
    }

    /** A call that takes the place of another (transfer or Replaces): reported as such, not as incoming. */
    void replacementCall(CallImpl previous, CallImpl replacement) {
        if (!calls.contains(replacement)) {
            calls.add(replacement);
        }
        core.events().fire(l -> l.onCallTransferred(previous, replacement));
    }

    /** Stops the registration timers (after the phone has unregistered). */
    public void stop() {
        registration.stop();
    }

    // ------------------------------------------------------------------ PhoneLine

    @Override
    public LineConfig config() {
        return config;
    }

    @Override
    public RegistrationStatus registration() {
        return status;
    }

    @Override
    public CompletionStage<RegistrationStatus> register() {
        CompletableFuture<RegistrationStatus> f = new CompletableFuture<>();
        core.runtime().execute(() -> registration.register(f));
        return f.minimalCompletionStage();
    }

    @Override
    public CompletionStage<RegistrationStatus> unregister() {
        CompletableFuture<RegistrationStatus> f = new CompletableFuture<>();
        core.runtime().execute(() -> registration.unregister(f));
        return f.minimalCompletionStage();
    }

    @Override
    public Call newCall(String target) {
        return NewCalls.outgoing(core, this, targetUri(target));
    }

    /** {@code sip:bob@example.com} as given, or {@code bob} in this line's domain. */
    Uri targetUri(String target) {
        return target.contains(":") ? Uri.parse(target) : SipUri.of(target, config.domain());
    }

    @Override
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void doNotDisturb(boolean on) {
        doNotDisturb = on;
    }

    @Override
    public boolean doNotDisturb() {
        return doNotDisturb;
    }

    @Override
    public void autoAnswer(boolean on) {
        autoAnswer = on;
    }

    @Override
    public boolean autoAnswer() {
        return autoAnswer;
    }

    @Override
    public void acceptTransfers(boolean on) {
        acceptTransfers = on;
    }

    @Override
    public boolean acceptTransfers() {
        return acceptTransfers;
    }

    @Override
    public String toString() {
        return "Line " + config.addressOfRecord() + " " + status.state();
    }

    /** The registration's view of this line and phone. */
    private final class Link implements RegistrarLink {
        @Override
        public String domain() {
            return config.domain();
        }

        @Override
        public NameAddr addressOfRecord() {
            return identity();
        }

        @Override
        public SipUri contactUri() {
            return core.contactUri(config.user());
        }

        @Override
        public String userAgent() {
            return core.settings().userAgent();
        }

        @Override
        public Via newVia() {
            return core.newVia();
        }

        @Override
        public String newTag() {
            return core.newTag();
        }

        @Override
        public String newCallId() {
            return core.newCallId();
        }

        @Override
        public Endpoint registrarEndpoint() {
            if (outboundProxy != null) {
                return outboundProxy;
            }
            if (registrar == null) {
                try {
                    registrar = NextHopChoice.endpoint(config.registrar(), config.transport());
                } catch (UnknownHostException | RuntimeException e) {
                    return null;
                }
            }
            return registrar;
        }

        @Override
        public void send(SipRequest request, Endpoint to, ClientTransaction.Listener<SipResponse> listener) {
            core.send(request, to, listener);
        }

        @Override
        public Timeout schedule(long delayMillis, Runnable task) {
            return core.scheduler().schedule(delayMillis, task);
        }

        @Override
        public double random() {
            return core.settings().random().nextDouble();
        }

        @Override
        public void complete(CompletableFuture<RegistrationStatus> future, RegistrationStatus s) {
            core.events().complete(future, s);
        }
    }
}
