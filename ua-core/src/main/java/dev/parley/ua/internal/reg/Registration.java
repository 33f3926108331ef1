package dev.parley.ua.internal.reg;

import dev.parley.sip.message.Contact;
import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipMessageBuilder;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.transaction.ClientTransaction;
import dev.parley.sip.transaction.Timeout;
import dev.parley.sip.transport.Endpoint;
import dev.parley.ua.RegistrationState;
import dev.parley.ua.RegistrationStatus;
import dev.parley.ua.internal.auth.Credentials;
import dev.parley.ua.internal.auth.DigestChallenge;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The registration of one line (RFC 3261 §10.2): REGISTER with our Contact, digest authentication
 * on 401/407, 423 Min-Expires, a refresh before the binding expires, backoff after a failure, and
 * Expires: 0 to unregister. Confined to the SIP thread; at most one REGISTER in flight and one
 * timer pending.
 */
public final class Registration {

    /** RFC 5626 §4.5: retry after a failure in min(1800, 30 × 2^n) s, randomised to 50–100 %. */
    static final long BACKOFF_BASE_MILLIS = 30_000;
    static final long BACKOFF_MAX_MILLIS = 1_800_000;
    /** Bound on authentication and 423 retries for one attempt, so a broken server cannot loop us. */
    static final int MAX_RETRIES_PER_ATTEMPT = 4;

    private final RegistrarLink link;
    private final Credentials credentials;
    private final Consumer<RegistrationStatus> onChange;
    private final String callId;
    private final String fromTag;
    private final List<CompletableFuture<RegistrationStatus>> waiting = new ArrayList<>();
    private RegistrationStatus status = new RegistrationStatus(RegistrationState.UNREGISTERED, 0, "not registered", 0);
    private int expires;
    private long cseq;
    private int retriesThisAttempt;
    private int failures;
    private boolean inFlight;
    private boolean wantRegistered;
    private Timeout timer;

    /**
     * @param link     how REGISTERs are built and sent
     * @param onChange called on every state change (on the SIP thread)
     */
    public Registration(RegistrarLink link, Credentials credentials, int expirySeconds, Consumer<RegistrationStatus> onChange) {
        this.link = link;
        this.credentials = credentials;
        this.onChange = onChange;
        this.expires = expirySeconds;
        // RFC 3261 §10.2: a UA SHOULD use the same Call-ID for all registrations to one registrar.
        this.callId = link.newCallId();
        this.fromTag = link.newTag();
    }

    public RegistrationStatus status() {
        return status;
    }

    /** Registers now (or refreshes); the future completes at REGISTERED or FAILED. */
    public void register(CompletableFuture<RegistrationStatus> done) {
        wantRegistered = true;
        if (done != null) {
            waiting.add(done);
        }
        if (!inFlight) {
            cancelTimer();
            retriesThisAttempt = 0;
            if (status.state() != RegistrationState.REGISTERED) {
                // A refresh of a live binding is silent: the line stays REGISTERED while it runs.
                change(RegistrationState.REGISTERING, 0, "registering", 0);
            }
            send(expires);
        }
    }

    /** RFC 3261 §10.2.2: removes our binding with Expires: 0; completes at UNREGISTERED. */
    public void unregister(CompletableFuture<RegistrationStatus> done) {
        wantRegistered = false;
        cancelTimer();
        if (done != null) {
            waiting.add(done);
        }
        if (status.state() == RegistrationState.UNREGISTERED || status.state() == RegistrationState.FAILED && !inFlight) {
            change(RegistrationState.UNREGISTERED, 0, "not registered", 0);
            return;
        }
        if (!inFlight) {
            retriesThisAttempt = 0;
            change(RegistrationState.UNREGISTERING, 0, "unregistering", 0);
            send(0);
        }
        // Otherwise the REGISTER in flight finishes first; its response sends the Expires: 0.
    }

    private void send(int requestedExpires) {
        inFlight = true;
        NameAddr aor = link.addressOfRecord();
        // RFC 3261 §10.2 (Request-URI: the registrar's domain); §26.2.2: a SIPS address of record is registered with sips:.
        SipUri domain = SipUri.of(null, link.domain());
        SipUri registrar = aor.uri() instanceof SipUri a && a.secure() ? domain.asSips() : domain;
        SipMessageBuilder<SipRequest> b = SipRequest.builder("REGISTER", registrar)
                .via(link.newVia())
                .maxForwards(70)
                .to(aor)
                .from(aor.withTag(fromTag))
                .callId(callId)
                .cseq(++cseq, "REGISTER")
                .contact(new Contact(NameAddr.of(link.contactUri())))
                .add("Expires", Integer.toString(requestedExpires))
                .add("User-Agent", link.userAgent());
        List<Credentials.Header> auth = credentials.headersFor("REGISTER", registrar.toString());
        for (Credentials.Header h : auth) {
            b.add(h.name(), h.value());
        }
        boolean authenticated = !auth.isEmpty();
        SipRequest request = b.build();
        Endpoint to = link.registrarEndpoint();
        if (to == null) {
            inFlight = false;
            fail(0, "registrar address unknown");
            return;
        }
        link.send(request, to, new ClientTransaction.Listener<>() {
            @Override
            public void onResponse(SipResponse response) {
                if (response.isFinal()) {
                    inFlight = false;
                    onFinal(response, requestedExpires, authenticated);
                }
            }

            @Override
            public void onTimeout() {
                inFlight = false;
                afterFailure(requestedExpires, 408, "Request Timeout");
            }

            @Override
            public void onTransportError() {
                inFlight = false;
                afterFailure(requestedExpires, 503, "Service Unavailable (transport error)");
            }
        });
    }

    private void onFinal(SipResponse response, int requestedExpires, boolean authenticated) {
        int code = response.statusCode();
        if ((code == 401 || code == 407) && retriesThisAttempt < MAX_RETRIES_PER_ATTEMPT) {
            // RFC 3261 §22.2 / §22.3: answer the challenge and retry with a new CSeq.
            DigestChallenge challenge = DigestChallenge.best(response,
                    code == 401 ? "WWW-Authenticate" : "Proxy-Authenticate").orElse(null);
            if (challenge != null && credentials.accept(challenge, code == 407, authenticated)) {
                retriesThisAttempt++;
                send(requestedExpires);
                return;
            }
        } else if (code == 423 && requestedExpires > 0 && retriesThisAttempt < MAX_RETRIES_PER_ATTEMPT) {
            // RFC 3261 §10.2.8: retry with an expiration at least the registrar's Min-Expires.
            OptionalLong min = response.minExpires();
            if (min.isPresent() && min.getAsLong() > requestedExpires && min.getAsLong() <= Integer.MAX_VALUE) {
                expires = (int) min.getAsLong();
                retriesThisAttempt++;
                send(expires);
                return;
            }
        }
        if (response.isSuccess()) {
            onSuccess(response, requestedExpires);
            return;
        }
        afterFailure(requestedExpires, code, response.reasonPhrase());
    }

    private void onSuccess(SipResponse response, int requestedExpires) {
        failures = 0;
        retriesThisAttempt = 0;
        if (requestedExpires == 0) {
            if (wantRegistered) {
                // register() was called while the Expires: 0 was in flight: register again.
                change(RegistrationState.REGISTERING, 0, "registering", 0);
                send(expires);
            } else {
                change(RegistrationState.UNREGISTERED, response.statusCode(), response.reasonPhrase(), 0);
            }
            return;
        }
        if (!wantRegistered) {
            // unregister() was called while this REGISTER was in flight: remove the binding now.
            change(RegistrationState.UNREGISTERING, 0, "unregistering", 0);
            send(0);
            return;
        }
        int granted = grantedExpires(response, requestedExpires);
        change(RegistrationState.REGISTERED, response.statusCode(), response.reasonPhrase(), granted);
        // Refresh before the binding expires: halfway for short bindings, a minute early for long ones.
        long refreshSeconds = Math.max(granted / 2, granted - 60L);
        timer = link.schedule(refreshSeconds * 1000, () -> {
            timer = null;
            register(null);
        });
    }

    /** RFC 3261 §10.2.4: the expiry of our binding is the expires param of our Contact in the 2xx, else Expires. */
    private int grantedExpires(SipResponse response, int requested) {
        SipUri mine = link.contactUri();
        for (Contact c : response.contacts()) {
            if (!c.isWildcard() && c.address().uri().isEquivalent(mine) && c.expires().isPresent()) {
                return (int) Math.min(Integer.MAX_VALUE, c.expires().getAsLong());
            }
        }
        OptionalLong header = response.expires();
        return header.isPresent() ? (int) Math.min(Integer.MAX_VALUE, header.getAsLong()) : requested;
    }

    private void afterFailure(int requestedExpires, int code, String reason) {
        if (!wantRegistered) {
            // An unregister that failed still leaves us without a binding we want.
            change(RegistrationState.UNREGISTERED, code, reason, 0);
            return;
        }
        fail(code, reason);
    }

    private void fail(int code, String reason) {
        credentials.forget();
        failures++;
        change(RegistrationState.FAILED, code, reason, 0);
        long base = Math.min(BACKOFF_MAX_MILLIS, BACKOFF_BASE_MILLIS << Math.min(failures - 1, 10));
        long wait = base / 2 + (long) (link.random() * (base / 2));
        timer = link.schedule(wait, () -> {
            timer = null;
            if (wantRegistered) {
                register(null);
            }
        });
    }

    /** Backoff delay bounds for the n-th consecutive failure (1-based), for tests and docs. */
    static long backoffCeilingMillis(int failures) {
        return Math.min(BACKOFF_MAX_MILLIS, BACKOFF_BASE_MILLIS << Math.min(failures - 1, 10));
    }

    private void change(RegistrationState state, int code, String reason, int granted) {
        status = new RegistrationStatus(state, code, reason, granted);
        onChange.accept(status);
        if (state == RegistrationState.REGISTERED || state == RegistrationState.FAILED
                || state == RegistrationState.UNREGISTERED) {
            for (CompletableFuture<RegistrationStatus> f : waiting) {
                link.complete(f, status);
            }
            waiting.clear();
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** Stops every timer (the phone is closing and has already unregistered, or gave up). */
    public void stop() {
        wantRegistered = false;
        cancelTimer();
    }

    public int consecutiveFailures() {
        return failures;
    }
}
