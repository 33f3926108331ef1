package dev.parley.ua.internal.phone;

import dev.parley.sip.message.SipUri;
import dev.parley.sip.message.Uri;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.NextHop;
import dev.parley.sip.transport.TransportKind;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Where a request goes: a registrar or proxy given as {@code host[:port]}, or a SIP URI, resolved
 * to the transport and socket address of its first hop (RFC 3263 simplified: no NAPTR or SRV).
 */
final class NextHopChoice {

    private NextHopChoice() {
    }

    /** Resolves {@code host[:port]} (default port 5060) to a UDP endpoint. */
    static Endpoint endpoint(String hostPort) throws UnknownHostException {
        return endpoint(hostPort, TransportKind.UDP);
    }

    /** Resolves {@code host[:port]} to an endpoint of {@code kind}; the port defaults to 5060, 5061 for TLS (RFC 3261 §19.1.2). */
    static Endpoint endpoint(String hostPort, TransportKind kind) throws UnknownHostException {
        String host = hostPort;
        int port = defaultPort(kind);
        int colon = hostPort.lastIndexOf(':');
        if (colon > 0 && hostPort.indexOf(':') == colon) { // host:port, not a bare IPv6 literal
            host = hostPort.substring(0, colon);
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } else if (hostPort.startsWith("[") && hostPort.contains("]:")) {
            host = hostPort.substring(1, hostPort.indexOf(']'));
            port = Integer.parseInt(hostPort.substring(hostPort.indexOf("]:") + 2));
        }
        return new Endpoint(kind, new InetSocketAddress(InetAddress.getByName(host), port));
    }

    private static int defaultPort(TransportKind kind) {
        return kind == TransportKind.TLS ? 5061 : 5060;
    }

    /** RFC 3263 simplified (no NAPTR/SRV): a SIP URI's host and port over UDP, 5060 by default. */
    static Endpoint endpoint(Uri uri) throws UnknownHostException {
        return endpoint(uri, TransportKind.UDP);
    }

    /**
     * RFC 3263 §4.1 simplified (no NAPTR/SRV): the transport is the URI's {@code transport}
     * parameter, TLS for a {@code sips:} URI (RFC 3261 §26.2.2), else {@code lineDefault}; the
     * port is the URI's, else 5060 (5061 for TLS).
     */
    static Endpoint endpoint(Uri uri, TransportKind lineDefault) throws UnknownHostException {
        NextHop hop;
        try {
            hop = NextHop.of(uri);
        } catch (IllegalArgumentException e) {
            throw new UnknownHostException(e.getMessage());
        }
        SipUri sip = (SipUri) uri;
        // Only a URI that says nothing about its transport takes the line's.
        boolean explicit = sip.secure() || sip.transport().isPresent();
        TransportKind kind = explicit ? hop.transport() : lineDefault;
        int port = sip.port() > 0 ? sip.port() : defaultPort(kind);
        return new Endpoint(kind, new InetSocketAddress(InetAddress.getByName(hop.host()), port));
    }
}
