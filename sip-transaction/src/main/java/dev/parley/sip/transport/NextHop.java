package dev.parley.sip.transport;

import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.message.Uri;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a request goes next: the one place that turns a URI into a transport, a host and a port.
 * RFC 3261 §8.1.2 chooses the URI (the top Route of a loose router, else the Request-URI) and
 * RFC 3263 §4 without DNS (no NAPTR, no SRV: Parley never resolves names at this layer) turns it
 * into a hop:
 *
 * <pre>
 *   host      maddr if present (RFC 3261 §19.1.1, RFC 3263 §4), else the URI host
 *   transport the transport parameter if present (RFC 3263 §4.1), else TLS for sips:, UDP for sip:
 *   port      the URI port if present (RFC 3263 §4.2), else 5061 for TLS, 5060 otherwise
 * </pre>
 *
 * @param transport the transport to use
 * @param host      an IP literal (IPv6 without brackets) or a host name, which the caller resolves
 * @param port      1-65535
 */
public record NextHop(TransportKind transport, String host, int port) {

    /** RFC 3261 §19.1.2: the default port of SIP over UDP and TCP. */
    public static final int SIP_PORT = 5060;
    /** RFC 3261 §19.1.2: the default port of SIP over TLS. */
    public static final int SIPS_PORT = 5061;

    public NextHop {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * RFC 3261 §8.1.2: the next hop of a request built by a UA: its top Route when that is a
     * loose router ({@code lr}); otherwise its Request-URI (no Route, or a strict router, which
     * §12.2.1.1 has already put into the Request-URI).
     *
     * @throws IllegalArgumentException when that URI is not a sip:/sips: URI or names a transport
     *                                  Parley does not have
     */
    public static NextHop forRequest(SipRequest request) {
        List<NameAddr> routes = request.routes();
        if (!routes.isEmpty() && routes.get(0).uri() instanceof SipUri top && top.isLooseRouter()) {
            return of(top);
        }
        return of(request.requestUri());
    }

    /** RFC 3263 §4: the hop a URI designates (see the class comment). */
    public static NextHop of(Uri uri) {
        if (!(uri instanceof SipUri sip)) {
            throw new IllegalArgumentException("not a sip: or sips: URI: " + uri);
        }
        TransportKind transport = transportOf(sip);
        int port = sip.port() > 0 ? sip.port() : transport == TransportKind.TLS ? SIPS_PORT : SIP_PORT;
        // RFC 3261 §19.1.1: maddr overrides the address derived from the host part.
        String host = sip.maddr().filter(m -> !m.isEmpty()).orElse(sip.host());
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new NextHop(transport, host, port);
    }

    private static TransportKind transportOf(SipUri sip) {
        Optional<String> param = sip.transport();
        if (param.isEmpty()) {
            // RFC 3263 §4.1: no transport parameter and a numeric target: UDP for sip:, TCP
            // (with TLS, RFC 3261 §26.2.2) for sips:.
            return sip.secure() ? TransportKind.TLS : TransportKind.UDP;
        }
        TransportKind named = switch (param.get().toLowerCase(Locale.ROOT)) {
            case "udp" -> TransportKind.UDP;
            case "tcp" -> TransportKind.TCP;
            case "tls" -> TransportKind.TLS;
            default -> throw new IllegalArgumentException("unsupported transport " + param.get() + " in " + sip);
        };
        if (sip.secure()) {
            // RFC 3261 §26.2.2 / RFC 5630 §3.1.3: a sips: URI is reached over TLS on every hop;
            // transport=tcp (or the legacy transport=tls) means TLS over TCP, and UDP cannot be used.
            if (named == TransportKind.UDP) {
                throw new IllegalArgumentException("sips: URI with transport=udp: " + sip);
            }
            return TransportKind.TLS;
        }
        return named;
    }

    /** The endpoint when {@link #host()} is an IP literal; empty for a name (resolve it yourself). */
    public Optional<Endpoint> endpoint() {
        InetAddress address = IpLiteral.parse(host);
        return address == null ? Optional.empty() : Optional.of(new Endpoint(transport, new InetSocketAddress(address, port)));
    }

    @Override
    public String toString() {
        return transport.viaName() + ":" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
