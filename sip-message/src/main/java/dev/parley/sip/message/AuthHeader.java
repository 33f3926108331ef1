package dev.parley.sip.message;

import java.util.Optional;

/**
 * A challenge (WWW-Authenticate, Proxy-Authenticate) or credentials (Authorization,
 * Proxy-Authorization): RFC 3261 §20.27/§20.44/§20.7/§20.28 with the Digest parameters of
 * RFC 7616 §3.3–§3.4 (realm, nonce, opaque, algorithm, qop, stale, username, uri, response,
 * cnonce, nc, userhash...). Parameter values are unquoted; unknown schemes keep their params.
 *
 * @param scheme the auth-scheme, e.g. {@code Digest}
 * @param params the auth-params in order
 */
public record AuthHeader(String scheme, Parameters params) {

    /**
     * Parses one challenge or credentials value, the text of one header field line (RFC 3261
     * §25.1); {@link SipMessage#authHeaders} parses every line of a message at once.
     *
     * @throws SipParseException if the value does not follow the grammar
     */
    public static AuthHeader parse(String value) {
        return ExtensionHeaderParsers.auth(dev.parley.sip.message.internal.Cursor.of(value));
    }

    public boolean isDigest() {
        return scheme.equalsIgnoreCase("Digest");
    }

    public Optional<String> param(String name) {
        return params.get(name);
    }

    public Optional<String> realm() {
        return params.get("realm");
    }

    public Optional<String> nonce() {
        return params.get("nonce");
    }

    public Optional<String> opaque() {
        return params.get("opaque");
    }

    /** RFC 7616 §3.3: MD5 when absent. */
    public String algorithm() {
        return params.get("algorithm").orElse("MD5");
    }

    public Optional<String> qop() {
        return params.get("qop");
    }

    public boolean isStale() {
        return params.get("stale").map("true"::equalsIgnoreCase).orElse(false);
    }

    public Optional<String> username() {
        return params.get("username");
    }

    public Optional<String> response() {
        return params.get("response");
    }

    /** Wire form: {@code Digest realm="x", nonce="y", algorithm=MD5} (quoted where RFC 7616 quotes). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(scheme);
        for (int i = 0; i < params.size(); i++) {
            sb.append(i == 0 ? " " : ", ").append(params.name(i)).append('=');
            if (params.isQuoted(i)) {
                Quoting.appendQuoted(sb, params.value(i) == null ? "" : params.value(i));
            } else {
                sb.append(params.value(i));
            }
        }
        return sb.toString();
    }
}
