package dev.parley.cli.registrar;

import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipMessageBuilder;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.message.Uri;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.IpLiteral;
import dev.parley.sip.transport.NextHop;
import dev.parley.sip.transport.TransportKind;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * The addressing rules of the proxy: which URIs name this proxy, the Route preprocessing of
 * RFC 3261 §16.4, and the next hop of a URI (§16.6 steps 6–7, with IP literals only: Parley never
 * asks DNS, so RFC 3263 is applied without NAPTR/SRV). UDP and TCP share one port; TLS, when
 * enabled, has its own port on the same address.
 */
final class ProxyRouting {

    private final InetAddress selfAddress;
    private final int selfPort;
    /** The TLS listener's port, or -1 without one. */
    private final int tlsPort;

    ProxyRouting(InetSocketAddress self) {
        this(self, -1);
    }

    /** @param tlsPort the port of this proxy's TLS listener on the same address, or -1 when it has none */
    ProxyRouting(InetSocketAddress self, int tlsPort) {
        this.selfAddress = self.getAddress();
        this.selfPort = self.getPort();
        this.tlsPort = tlsPort;
    }

    /** Whether this proxy listens for TLS. */
    boolean hasTls() {
        return tlsPort > 0;
    }

    /** The port this proxy receives {@code kind} on: the TLS listener's, or the UDP/TCP one. */
    int port(TransportKind kind) {
        return kind == TransportKind.TLS && hasTls() ? tlsPort : selfPort;
    }

    /** The URI this proxy puts in Record-Route: {@code sip:ip:port;lr} (RFC 3261 §16.6 step 4, loose routing). */
    SipUri recordRouteUri() {
        return recordRouteUri(TransportKind.UDP, false);
    }

    /**
     * The Record-Route URI that brings in-dialog requests back to this proxy over {@code kind}
     * (RFC 3261 §16.6 step 4; RFC 3263 §4.1 picks the transport from it): {@code sip:ip:port;lr}
     * for UDP and TCP (one port serves both), {@code sip:ip:tlsport;transport=tls;lr} for TLS, and
     * {@code sips:ip:tlsport;lr} when the request was for a {@code sips:} URI (§26.2.2: then every
     * URI on the path must be sips).
     */
    SipUri recordRouteUri(TransportKind kind, boolean sips) {
        SipUri base = SipUri.of(null, selfAddress.getHostAddress(), port(kind));
        if (kind == TransportKind.TLS) {
            base = sips ? new SipUri(true, null, null, base.host(), base.port(), base.params(), base.headers())
                    : base.withParam("transport", "tls");
        }
        return base.withParam("lr", null);
    }

    /**
     * Whether {@code uri} names this proxy exactly: its address and its UDP/TCP port or its TLS
     * port; an absent port means 5060, or 5061 for {@code sips:} and {@code transport=tls}
     * (RFC 3261 §19.1.2).
     */
    boolean isSelf(Uri uri) {
        if (!(uri instanceof SipUri u)) {
            return false;
        }
        InetAddress a = IpLiteral.parse(u.host());
        boolean tls = u.secure() || u.transport().filter("tls"::equalsIgnoreCase).isPresent();
        int port = u.port() >= 0 ? u.port() : tls ? NextHop.SIPS_PORT : NextHop.SIP_PORT;
        return selfAddress.equals(a) && (port == selfPort || hasTls() && port == tlsPort);
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
        // RFC 5658 §3.3: a proxy that double record-routed finds both of its URIs on top: remove each.
        for (int i = 0; i < routes.size() && i < 2 && isSelf(routes.get(i).uri()); i++) {
            out = out.toBuilder().removeFirstValue("Route").build();
        }
        return out;
    }

    /**
     * RFC 3261 §16.6 step 7 (§8.1.2): the next hop is the top Route if there is one, else the
     * Request-URI; its host must be an IP literal. Transport and default port follow RFC 3263 §4
     * without DNS ({@link NextHop#of}): the {@code transport} parameter, TLS for {@code sips:}.
     */
    Optional<Endpoint> nextHop(SipRequest request) {
        List<NameAddr> routes = request.routes();
        Uri next = routes.isEmpty() ? request.requestUri() : routes.get(0).uri();
        if (!(next instanceof SipUri u)) {
            return Optional.empty();
        }
        try {
            return NextHop.of(u).endpoint();
        } catch (IllegalArgumentException unsupported) {
            // A transport Parley does not have (sctp, ws) or sips: with transport=udp: no usable hop.
            return Optional.empty();
        }
    }
}
