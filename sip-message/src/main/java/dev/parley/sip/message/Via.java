package dev.parley.sip.message;

import dev.parley.sip.message.internal.Chars;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One Via value (RFC 3261 §20.42, §18.2.1): {@code SIP/2.0/UDP host:port;branch=...}.
 *
 * @param protocol  protocol name and version, normally {@code SIP/2.0}
 * @param transport transport token in upper case ({@code UDP}, {@code TCP}, {@code TLS}, {@code SCTP}, {@code WS}...)
 * @param host      sent-by host; an IPv6 address without brackets
 * @param port      sent-by port, or -1 when absent
 * @param params    via-params in order ({@code branch}, {@code received}, {@code rport}...)
 */
public record Via(String protocol, String transport, String host, int port, Parameters params) {

    /** RFC 3261 §8.1.1.7: branch IDs of RFC 3261 elements start with this magic cookie. */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    public Via {
        transport = transport.toUpperCase(Locale.ROOT);
        if (!Chars.isToken(transport) || host.isEmpty() || port < -1 || port > 65535) {
            throw new IllegalArgumentException("bad Via: " + transport + " " + host + ":" + port);
        }
    }

    /** {@code SIP/2.0/<transport> host[:port];branch=<branch>}. */
    public static Via of(String transport, String host, int port, String branch) {
        return new Via("SIP/2.0", transport, host, port, Parameters.of("branch", branch));
    }

    public Optional<String> branch() {
        return params.get("branch");
    }

    /** RFC 3261 §17.2.3: whether the branch carries the magic cookie (RFC 3261 transaction matching). */
    public boolean hasMagicCookie() {
        return branch().map(b -> b.startsWith(MAGIC_COOKIE)).orElse(false);
    }

    /** RFC 3261 §18.2.1: the source address a server saw, if it differed from sent-by. */
    public Optional<String> received() {
        return params.get("received").map(Via::stripBrackets);
    }

    public Optional<String> maddr() {
        return params.get("maddr").map(Via::stripBrackets);
    }

    /** RFC 3581 §4: rport present (with or without a value). */
    public boolean hasRport() {
        return params.contains("rport");
    }

    /** RFC 3581 §4: the rport value filled in by a server, if any. */
    public OptionalInt rport() {
        return params.get("rport").filter(v -> !v.isEmpty()).map(v -> OptionalInt.of(Integer.parseInt(v)))
                .orElse(OptionalInt.empty());
    }

    public OptionalInt ttl() {
        return params.get("ttl").map(v -> OptionalInt.of(Integer.parseInt(v))).orElse(OptionalInt.empty());
    }

    /** Whether the transport is reliable (anything but UDP), RFC 3261 §17.1.1.2 timer rules. */
    public boolean isReliable() {
        return !transport.equals("UDP");
    }

    public Via withParam(String name, String value) {
        return new Via(protocol, transport, host, port, params.with(name, value));
    }

    public Via withoutParam(String name) {
        return new Via(protocol, transport, host, port, params.without(name));
    }

    /** RFC 3261 §18.2.1 / RFC 3581 §4: a server records the packet's source address and port. */
    public Via withReceived(String address, int sourcePort) {
        Via v = withParam("received", address);
        return hasRport() ? v.withParam("rport", Integer.toString(sourcePort)) : v;
    }

    private static String stripBrackets(String v) {
        return v.startsWith("[") && v.endsWith("]") ? v.substring(1, v.length() - 1) : v;
    }

    /** Parses one Via value (not a comma-separated list). */
    public static Via parse(String text) {
        return HeaderParsers.via(dev.parley.sip.message.internal.Cursor.of(text));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64).append(protocol).append('/').append(transport).append(' ');
        sb.append(host.indexOf(':') >= 0 ? "[" + host + "]" : host);
        if (port >= 0) {
            sb.append(':').append(port);
        }
        return sb.append(params).toString();
    }
}
