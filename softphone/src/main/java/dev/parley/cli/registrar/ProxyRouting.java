package dev.parley.cli.registrar;

import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipMessageBuilder;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.message.Uri;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.IpLiteral;
import dev.parley.sip.transport.TransportKind;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The addressing rules of the proxy: which URIs name this proxy, the Route preprocessing of
 * RFC 3261 §16.4, and the next hop of a URI (§16.6 steps 6–7, with IP literals only: Parley never
 * asks DNS, RFC 3263 is not implemented).
 */
final class ProxyRouting {

    private final InetAddress selfAddress;
    private final int selfPort;
    private final SipUri recordRoute;

    ProxyRouting(InetSocketAddress self) {
        this.selfAddress = self.getAddress();
        this.selfPort = self.getPort();
        this.recordRoute = SipUri.of(null, selfAddress.getHostAddress(), selfPort).withParam("lr", null);
    }

    /** The URI this proxy puts in Record-Route: {@code sip:ip:port;lr} (RFC 3261 §16.6 step 4, loose routing). */
    SipUri recordRouteUri() {
        return recordRoute;
    }

    /** Whether {@code uri} names this proxy exactly (its address and port; absent port means 5060). */
    boolean isSelf(Uri uri) {
        if (!(uri instanceof SipUri u)) {
            return false;
        }
        InetAddress a = IpLiteral.parse(u.host());
        int port = u.port() < 0 ? 5060 : u.port();
        return selfAddress.equals(a) && port == selfPort;
    }

    /**
     * Whether the Request-URI is in the domain this proxy is responsible for (RFC 3261 §16.5), so
     * its target comes from the location service: this proxy's address, or any host name.
     */
    boolean isForUs(Uri uri) {
        if (!(uri instanceof SipUri u)) {
            return false;
        }
        // Lenient: a single-domain proxy treats every host name as its own domain (no DNS to tell).
        return IpLiteral.parse(u.host()) == null || isSelf(u);
    }

    /**
     * RFC 3261 §16.4: if the Request-URI is this proxy's (the previous hop was a strict router),
     * the last Route value becomes the Request-URI; then a top Route naming this proxy is removed.
     */
    SipRequest preprocessRoutes(SipRequest request) {
        List<NameAddr> routes = request.routes();
        SipRequest out = request;
        if (isSelf(request.requestUri()) && !routes.isEmpty()) {
            SipMessageBuilder<SipRequest> b = request.toBuilder().requestUri(routes.get(routes.size() - 1).uri()).remove("Route");
            for (NameAddr r : routes.subList(0, routes.size() - 1)) {
                b.route(r);
            }
            out = b.build();
            routes = routes.subList(0, routes.size() - 1);
        }
        if (!routes.isEmpty() && isSelf(routes.get(0).uri())) {
            out = out.toBuilder().removeFirstValue("Route").build();
        }
        return out;
    }

    /**
     * RFC 3261 §16.6 step 7 (§8.1.2): the next hop is the top Route if there is one, else the
     * Request-URI; its host must be an IP literal. The {@code transport} parameter picks TCP.
     */
    Optional<Endpoint> nextHop(SipRequest request) {
        List<NameAddr> routes = request.routes();
        Uri next = routes.isEmpty() ? request.requestUri() : routes.get(0).uri();
        if (!(next instanceof SipUri u) || u.secure()) {
            return Optional.empty();
        }
        String host = u.maddr().orElse(u.host());
        InetAddress address = IpLiteral.parse(host);
        if (address == null) {
            return Optional.empty();
        }
        TransportKind kind = u.transport().map(t -> t.toLowerCase(Locale.ROOT)).filter("tcp"::equals).isPresent()
                ? TransportKind.TCP : TransportKind.UDP;
        // RFC 3261 §19.1.2: the default port of sip: is 5060.
        int port = u.port() < 0 ? 5060 : u.port();
        return Optional.of(new Endpoint(kind, new InetSocketAddress(address, port)));
    }
}
