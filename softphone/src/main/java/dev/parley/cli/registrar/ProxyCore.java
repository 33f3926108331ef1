package dev.parley.cli.registrar;

import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipMethod;
import dev.parley.sip.message.SipParseException;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.message.Via;
import dev.parley.sip.transaction.Scheduler;
import dev.parley.sip.transaction.ServerTransaction;
import dev.parley.sip.transaction.TransactionStack;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A stateful proxy (RFC 3261 §16) for one domain: requests for a registered user go to the first
 * contact bound to it (no forking), dialog-creating requests are record-routed so that in-dialog
 * requests come back through the proxy, and requests with a Route or a foreign Request-URI are
 * forwarded as they say (loose routing, §16.4, §16.12). Not implemented: forking, loop detection
 * by Via (Max-Forwards bounds loops), DNS (next hops must be IP literals). Over TLS it listens on
 * its own port; a request that arrives over one transport and leaves over another (TLS and UDP/TCP)
 * is record-routed twice (RFC 5658).
 *
 * <p>Confined to the server's event loop thread. Open relays are bounded by the transaction table.
 */
final class ProxyCore {

    // RFC 3261 §16.6 step 4 / RFC 3265 / RFC 3515: the dialog-creating methods this proxy record-routes.
    private static final Set<String> RECORD_ROUTED = Set.of(SipMethod.INVITE, "SUBSCRIBE", "REFER");

    private final Scheduler clock;
    private final RegistrarConfig config;
    private final UsersFile users;
    private final LocationService locations;
    private final DigestVerifier verifier;
    private final TagSource tags;
    private final ProxyRouting routing;
    private final RegistrarListener listener;
    private final Map<ServerTransaction<SipRequest, SipResponse>, ResponseRelay> pending = new HashMap<>();
    private TransactionStack stack;

    ProxyCore(Scheduler clock, RegistrarConfig config, UsersFile users, LocationService locations,
              DigestVerifier verifier, TagSource tags, ProxyRouting routing, RegistrarListener listener) {
        this.clock = clock;
        this.config = config;
        this.users = users;
        this.locations = locations;
        this.verifier = verifier;
        this.tags = tags;
        this.routing = routing;
        this.listener = listener;
    }

    void attach(TransactionStack value) {
        this.stack = value;
    }

    /** The outcome of routing one request: where it goes, or the response that refuses it. */
    private record Decision(SipRequest request, Endpoint nextHop, int status, String reason) {
        static Decision forward(SipRequest request, Endpoint nextHop) {
            return new Decision(request, nextHop, 0, null);
        }

        static Decision reject(int status, String reason) {
            return new Decision(null, null, status, reason);
        }
    }

    void onRequest(ServerTransaction<SipRequest, SipResponse> tx, SipRequest request) {
        if (request.isMethod(SipMethod.INVITE)) {
            // RFC 3261 §16.2: a stateful proxy answers an INVITE with 100 at once, stopping retransmissions.
            tx.respond(request.createResponse(100, "Trying", null));
        }
        Decision d;
        try {
            d = decide(request, tx.peer().transport(), true);
        } catch (SipParseException | IllegalArgumentException e) {
            d = Decision.reject(400, "Bad Request - malformed Route or Request-URI");
        }
        if (d.request() == null) {
            reject(tx, request, d.status(), d.reason());
            return;
        }
        SipRequest forwarded = d.request().toBuilder().via(via(d.nextHop().transport())).build();
        ResponseRelay relay = new ResponseRelay(stack, tx, forwarded, d.nextHop(), tags, () -> pending.remove(tx));
        // Registered before sending: a transport error can terminate the client transaction inside sendRequest.
        if (request.isMethod(SipMethod.INVITE)) {
            pending.put(tx, relay);
        }
        listener.onForward(forwarded, d.nextHop());
        try {
            stack.sendRequest(forwarded, d.nextHop(), relay);
        } catch (IllegalStateException full) {
            pending.remove(tx);
            reject(tx, request, 503, "Service Unavailable - too many transactions");
        }
    }

    /** RFC 3261 §16.10: a CANCEL matched a server transaction; cancel what was forwarded for it. */
    void onCancel(ServerTransaction<SipRequest, SipResponse> cancelled) {
        ResponseRelay relay = pending.get(cancelled);
        if (relay != null) {
            relay.cancel();
        } else if (!cancelled.hasFinalResponse()) {
            cancelled.respond(cancelled.request().createResponse(487, "Request Terminated", tags.next()));
        }
    }

    /**
     * An ACK for a 2xx (RFC 3261 §16.11 has the stateless rules): forwarded without a transaction,
     * by Route or Request-URI; dropped when it cannot be routed, since an ACK gets no response.
     */
    void onAck(SipRequest ack, Endpoint from) {
        if (stack == null) {
            return;
        }
        try {
            Decision d = decide(ack, from.transport(), false);
            if (d.request() != null) {
                SipRequest forwarded = d.request().toBuilder().via(via(d.nextHop().transport())).build();
                stack.layer().sendAck(forwarded, d.nextHop());
                listener.onForward(forwarded, d.nextHop());
            }
        } catch (SipParseException | IllegalArgumentException e) {
            // Lenient: a malformed ACK is dropped; there is no one to tell.
        }
    }

    /**
     * RFC 3261 §16.6 step 8 / §18.1.1: this proxy's Via names the transport of the next hop and the
     * port it listens on for that transport (the TLS listener's for TLS), where responses may come.
     */
    private Via via(TransportKind kind) {
        Via v = stack.newVia(kind);
        int port = routing.port(kind);
        return port == v.port() ? v : new Via(v.protocol(), v.transport(), v.host(), port, v.params());
    }

    /** @param arrivedOver the transport the request came in on (for the Record-Route facing its sender) */
    private Decision decide(SipRequest request, TransportKind arrivedOver, boolean mayAuthenticate) {
        if (stack == null) {
            return Decision.reject(503, "Service Unavailable - starting");
        }
        // RFC 3261 §16.3 step 3: a request with Max-Forwards 0 is not forwarded: 483.
        OptionalInt hops = request.maxForwards();
        if (hops.isPresent() && hops.getAsInt() == 0) {
            return Decision.reject(483, "Too Many Hops");
        }
        // RFC 3261 §16.3 step 5: this proxy supports no extension, so any Proxy-Require gets 420
        // (the Unsupported header is added by the caller of decide). Not for ACK and CANCEL.
        if (!request.isMethod(SipMethod.ACK) && !request.tokens("Proxy-Require").isEmpty()) {
            return Decision.reject(420, "Bad Extension");
        }
        SipRequest r = routing.preprocessRoutes(request);
        boolean initial = request.toTag().isEmpty();
        Endpoint registeredFrom = null;
        if (r.routes().isEmpty() && routing.isForUs(r.requestUri())) {
            if (mayAuthenticate && initial && config.authenticateInvites() && r.isMethod(SipMethod.INVITE)) {
                Optional<Decision> refused = authenticate(r);
                if (refused.isPresent()) {
                    return refused.get();
                }
            }
            Decision lookup = retarget(r);
            if (lookup.request() == null) {
                return lookup;
            }
            r = lookup.request();
            registeredFrom = lookup.nextHop();
        }
        Optional<Endpoint> hop = routing.nextHop(r);
        if (hop.isEmpty() && registeredFrom != null) {
            // Lenient: a contact whose host is a name (no DNS here) is reached where its REGISTER came from.
            hop = Optional.of(registeredFrom);
        }
        if (hop.isEmpty()) {
            return Decision.reject(502, "Bad Gateway - next hop is not an IP address");
        }
        if (hop.get().transport() == TransportKind.TLS && !routing.hasTls()) {
            return Decision.reject(502, "Bad Gateway - next hop needs TLS and this proxy has no TLS listener");
        }
        // RFC 3261 §16.6 step 3: decrement Max-Forwards, or add it with 70 when absent.
        var b = r.toBuilder().maxForwards(hops.isPresent() ? hops.getAsInt() - 1 : 70);
        // RFC 3261 §16.6 step 4: a proxy that wants to stay on the dialog's path inserts a Record-Route
        // above any existing ones, with lr (loose routing, §19.1.1).
        if (initial && RECORD_ROUTED.contains(r.method())) {
            // RFC 3261 §26.2.2: a request for a sips: URI is record-routed with a sips: URI.
            boolean sips = request.requestUri() instanceof SipUri u && u.secure();
            SipUri towardsCaller = routing.recordRouteUri(arrivedOver, sips);
            SipUri towardsCallee = routing.recordRouteUri(hop.get().transport(), sips);
            b.addFirst("Record-Route", NameAddr.of(towardsCaller).toString());
            if (!towardsCallee.equals(towardsCaller)) {
                // RFC 5658 §3.2: in over one transport, out over another: record-route twice, the URI
                // facing the callee on top (the callee's route set is in order, the caller's reversed).
                b.addFirst("Record-Route", NameAddr.of(towardsCallee).toString());
            }
        }
        return Decision.forward(b.build(), hop.get());
    }

    // RFC 3261 §16.5: for its own domain, the targets come from the location service; this proxy uses the first binding.
    private Decision retarget(SipRequest r) {
        String user = r.requestUri() instanceof SipUri u ? u.user() : null;
        if (user == null) {
            return Decision.reject(404, "Not Found");
        }
        List<Binding> bound = locations.bindings(user, clock.now());
        if (r.requestUri() instanceof SipUri u && u.secure()) {
            // RFC 3261 §26.2.2: a request for a sips: URI is carried over TLS hop by hop; the last hop is
            // left to local policy there (RFC 5630 removes that exception). Parley's policy: sips:
            // contacts only, so a phone registered over UDP is never sent a sips: request in the clear.
            bound = bound.stream().filter(b -> b.contact().uri() instanceof SipUri c && c.secure()).toList();
            if (bound.isEmpty() && !locations.bindings(user, clock.now()).isEmpty()) {
                return Decision.reject(480, "Temporarily Unavailable - no sips: contact registered");
            }
        }
        if (bound.isEmpty()) {
            // RFC 3261 §16.5 / §21.4.18: a known user with no binding is temporarily unavailable.
            return users.contains(user) ? Decision.reject(480, "Temporarily Unavailable") : Decision.reject(404, "Not Found");
        }
        // RFC 3261 §16.6 step 2: the Request-URI is replaced by the target's URI; the next hop is found
        // from it later, with the REGISTER's source address as the fallback.
        return Decision.forward(r.toBuilder().requestUri(bound.get(0).contact().uri()).build(), bound.get(0).source());
    }

    private Optional<Decision> authenticate(SipRequest r) {
        DigestVerifier.Verdict v = verifier.verify(r, "Proxy-Authorization", clock.now());
        return switch (v.kind()) {
            case ACCEPTED -> Optional.empty();
            case MISSING, STALE -> Optional.of(Decision.reject(407, v.kind() == DigestVerifier.Kind.STALE ? "stale" : ""));
            case WRONG_CREDENTIALS -> Optional.of(Decision.reject(403, "Forbidden - wrong user name or password"));
            case MALFORMED -> Optional.of(Decision.reject(400, "Bad Request - " + v.detail()));
        };
    }

    private void reject(ServerTransaction<SipRequest, SipResponse> tx, SipRequest request, int status, String reason) {
        SipResponse response;
        if (status == 407) {
            // RFC 3261 §22.3: a proxy challenges with 407 and Proxy-Authenticate.
            var b = request.createResponse(407, "Proxy Authentication Required", tags.next()).toBuilder();
            verifier.challenges(reason.equals("stale"), clock.now()).forEach(c -> b.add("Proxy-Authenticate", c));
            response = b.build();
        } else if (status == 420) {
            response = request.createResponse(420, reason, tags.next()).toBuilder()
                    .add("Unsupported", String.join(", ", request.tokens("Proxy-Require"))).build();
        } else {
            response = request.createResponse(status, reason, tags.next());
        }
        tx.respond(response);
        listener.onReject(request, response);
    }

    /** Forwarded INVITEs without a final response yet. */
    int pendingInvites() {
        return pending.size();
    }
}
