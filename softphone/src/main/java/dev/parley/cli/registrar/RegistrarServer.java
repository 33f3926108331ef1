package dev.parley.cli.registrar;

import dev.parley.sip.message.SipMethod;
import dev.parley.sip.message.SipParseException;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transaction.Scheduler;
import dev.parley.sip.transaction.ServerTransaction;
import dev.parley.sip.transaction.Timeout;
import dev.parley.sip.transaction.TransactionStack;
import dev.parley.sip.transaction.TransactionUser;
import dev.parley.sip.transport.Endpoint;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The transaction user of {@code parley registrar}: REGISTER goes to the {@link Registrar}, OPTIONS
 * addressed to the server itself is answered, everything else goes to the {@link ProxyCore}. A
 * timer removes expired bindings and nonces every {@link RegistrarConfig#sweepMillis()}.
 *
 * <p>Confined to the event loop thread of its stack: construct it anywhere, then call
 * {@link #attach} and everything else on that thread.
 */
public final class RegistrarServer implements TransactionUser<SipRequest, SipResponse> {

    private final Scheduler scheduler;
    private final RegistrarConfig config;
    private final RegistrarListener listener;
    private final LocationService locations;
    private final NonceTable nonces;
    private final Registrar registrar;
    private final ProxyCore proxy;
    private final ProxyRouting routing;
    private final TagSource tags;
    private Timeout sweep;
    private boolean closed;

    /**
     * @param self the address the stack is bound to (an IP literal, not a wildcard): it names the proxy
     *             in Record-Route and Route
     */
    public RegistrarServer(Scheduler scheduler, InetSocketAddress self, RegistrarConfig config, UsersFile users,
                           RandomGenerator random, RegistrarListener listener) {
        this(scheduler, self, -1, config, users, random, listener);
    }

    /**
     * @param self    the address the stack is bound to for UDP and TCP (an IP literal, not a wildcard)
     * @param tlsPort the port of the TLS listener on the same address, or -1 without TLS: it names
     *                the proxy in the Record-Route and Via of requests that leave over TLS
     */
    public RegistrarServer(Scheduler scheduler, InetSocketAddress self, int tlsPort, RegistrarConfig config, UsersFile users,
                           RandomGenerator random, RegistrarListener listener) {
        this.scheduler = Objects.requireNonNull(scheduler);
        this.config = Objects.requireNonNull(config);
        this.listener = Objects.requireNonNull(listener);
        this.locations = new LocationService(config.maxBindingsPerAor());
        this.nonces = new NonceTable(random, config.nonceLifetimeMillis(), config.maxNonces());
        this.tags = new TagSource(random);
        DigestVerifier verifier = new DigestVerifier(config.realm(), users, nonces);
        this.registrar = new Registrar(config, users, locations, verifier, tags);
        this.routing = new ProxyRouting(self, tlsPort);
        this.proxy = new ProxyCore(scheduler, config, users, locations, verifier, tags, routing, listener);
    }

    /** Connects the server to the stack that delivers its requests, and starts the expiry timer. */
    public void attach(TransactionStack stack) {
        proxy.attach(stack);
        scheduleSweep();
    }

    private void scheduleSweep() {
        sweep = scheduler.schedule(config.sweepMillis(), () -> {
            if (!closed) {
                long now = scheduler.now();
                locations.removeExpired(now);
                nonces.removeExpired(now);
                scheduleSweep();
            }
        });
    }

    /** Stops the expiry timer; requests are still answered until the stack goes away. */
    public void close() {
        closed = true;
        if (sweep != null) {
            sweep.cancel();
        }
    }

    @Override
    public void onRequest(ServerTransaction<SipRequest, SipResponse> tx, SipRequest request) {
        try {
            dispatch(tx, request);
        } catch (SipParseException | IllegalArgumentException e) {
            // A header the stack did not validate (Route, Contact, Require...) is malformed: 400, never a crash.
            if (!tx.hasFinalResponse()) {
                tx.respond(request.createResponse(400, "Bad Request - malformed header", tags.next()));
            }
        }
    }

    private void dispatch(ServerTransaction<SipRequest, SipResponse> tx, SipRequest request) {
        if (request.isMethod(SipMethod.REGISTER)) {
            SipResponse response = registrar.register(request, tx.peer(), scheduler.now());
            tx.respond(response);
            listener.onRegister(request, response);
            return;
        }
        if (request.isMethod(SipMethod.OPTIONS) && request.routes().isEmpty() && routing.isSelf(request.requestUri())) {
            // RFC 3261 §11.2: OPTIONS to the server itself is answered as an INVITE would be, here with 200.
            tx.respond(request.createResponse(200, "OK", tags.next()).toBuilder()
                    .add("Allow", "REGISTER, INVITE, ACK, BYE, CANCEL, OPTIONS, REFER, NOTIFY, INFO, UPDATE").build());
            return;
        }
        proxy.onRequest(tx, request);
    }

    @Override
    public void onAck(SipRequest ack, Endpoint from) {
        proxy.onAck(ack, from);
    }

    @Override
    public void onCancel(ServerTransaction<SipRequest, SipResponse> cancelled, SipRequest cancel) {
        proxy.onCancel(cancelled);
    }

    /** The current bindings of a user (an address-of-record of this single-domain registrar). */
    public List<Binding> bindings(String user) {
        return locations.bindings(user, scheduler.now());
    }

    /** Bindings held, including expired ones the timer has not removed yet. */
    public int storedBindings() {
        return locations.size();
    }

    /** INVITEs forwarded and not yet answered with a final response. */
    public int pendingInvites() {
        return proxy.pendingInvites();
    }
}
