package dev.parley.sip.message;

import dev.parley.sip.message.internal.Chars;
import dev.parley.sip.message.internal.Escaping;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code sip:} or {@code sips:} URI (RFC 3261 §19.1). User, password and parameter values are
 * held decoded (escapes resolved once, §19.1.2) and escaped again on output.
 *
 * @param secure   true for {@code sips:}
 * @param user     the user part, or {@code null}
 * @param password the password, or {@code null}
 * @param host     host name, IPv4 address, or IPv6 address without its brackets
 * @param port     the port, or -1 when absent (absent is not the same as 5060, §19.1.4)
 * @param params   uri-parameters such as {@code transport}, {@code lr}, {@code maddr}
 * @param headers  the {@code ?name=value&...} part
 */
public record SipUri(boolean secure, String user, String password, String host, int port, Parameters params,
                     Parameters headers) implements Uri {

    public SipUri {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("SIP URI without host");
        }
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (user != null && user.isEmpty()) {
            throw new IllegalArgumentException("empty user part");
        }
    }

    /** {@code sip:user@host} (user may be null). */
    public static SipUri of(String user, String host) {
        return new SipUri(false, user, null, host, -1, Parameters.EMPTY, Parameters.EMPTY);
    }

    /** {@code sip:user@host:port}. */
    public static SipUri of(String user, String host, int port) {
        return new SipUri(false, user, null, host, port, Parameters.EMPTY, Parameters.EMPTY);
    }

    /** Parses a sip: or sips: URI; throws {@link SipParseException} otherwise. */
    public static SipUri parse(String text) {
        if (Uri.parse(text) instanceof SipUri u) {
            return u;
        }
        throw SipParseException.of(SipParseException.Reason.BAD_URI, text, 0);
    }

    @Override
    public String scheme() {
        return secure ? "sips" : "sip";
    }

    public Optional<String> transport() {
        return params.get("transport");
    }

    public Optional<String> maddr() {
        return params.get("maddr");
    }

    /** RFC 3261 §16.4: the {@code lr} parameter marks a loose router. */
    public boolean isLooseRouter() {
        return params.contains("lr");
    }

    public SipUri withParam(String name, String value) {
        return new SipUri(secure, user, password, host, port, params.with(name, value), headers);
    }

    public SipUri withoutParam(String name) {
        return new SipUri(secure, user, password, host, port, params.without(name), headers);
    }

    public SipUri withPort(int newPort) {
        return new SipUri(secure, user, password, host, newPort, params, headers);
    }

    /** This URI with the {@code sips:} scheme (RFC 3261 §19.1: same parts, TLS on every hop). */
    public SipUri asSips() {
        return secure ? this : new SipUri(true, user, password, host, port, params, headers);
    }

    public SipUri withUser(String newUser) {
        return new SipUri(secure, newUser, password, host, port, params, headers);
    }

    /** The host as written in a URI or Via: IPv6 addresses in brackets. */
    public String hostForWire() {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    private static final String[] MUST_MATCH = {"user", "ttl", "method", "maddr", "transport"};

    /**
     * RFC 3261 §19.1.4: same scheme; user and password equal after unescaping (case-sensitive);
     * host case-insensitive; ports equal (absent differs from 5060); user, ttl, method, maddr and
     * transport parameters present in both with equal values if present in either; other
     * parameters equal where present in both; header components all equal.
     */
    @Override
    public boolean isEquivalent(Uri other) {
        if (!(other instanceof SipUri o) || secure != o.secure || port != o.port
                || !java.util.Objects.equals(user, o.user) || !java.util.Objects.equals(password, o.password)
                || !host.equalsIgnoreCase(o.host)) {
            return false;
        }
        for (String name : MUST_MATCH) {
            if (params.contains(name) != o.params.contains(name)) {
                return false;
            }
        }
        for (int i = 0; i < params.size(); i++) {
            Optional<String> theirs = o.params.get(params.name(i));
            String mine = params.value(i) == null ? "" : params.value(i);
            if (theirs.isPresent() && !theirs.get().equalsIgnoreCase(mine)) {
                return false;
            }
        }
        if (headers.size() != o.headers.size()) {
            return false;
        }
        for (int i = 0; i < headers.size(); i++) {
            String mine = headers.value(i) == null ? "" : headers.value(i);
            if (!o.headers.get(headers.name(i)).map(mine::equals).orElse(false)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(32).append(secure ? "sips:" : "sip:");
        if (user != null) {
            Escaping.encode(sb, user, Chars.USER);
            if (password != null) {
                sb.append(':');
                Escaping.encode(sb, password, Chars.PASSWORD);
            }
            sb.append('@');
        }
        sb.append(hostForWire());
        if (port >= 0) {
            sb.append(':').append(port);
        }
        UriParser.appendUriParams(sb, params);
        for (int i = 0; i < headers.size(); i++) {
            sb.append(i == 0 ? '?' : '&');
            Escaping.encode(sb, headers.name(i), Chars.HNV);
            sb.append('=');
            Escaping.encode(sb, headers.value(i) == null ? "" : headers.value(i), Chars.HNV);
        }
        return sb.toString();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
