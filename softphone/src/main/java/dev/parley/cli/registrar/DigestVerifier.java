package dev.parley.cli.registrar;

import dev.parley.sip.message.SipParseException;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.Uri;
import dev.parley.sip.message.AuthHeader;
import dev.parley.ua.internal.auth.DigestAlgorithm;
import dev.parley.ua.internal.auth.DigestResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;

/**
 * The server side of SIP digest authentication (RFC 3261 §22, RFC 7616, RFC 8760): makes the
 * challenges of a 401 or 407 and checks the credentials of {@code Authorization} or
 * {@code Proxy-Authorization}. Only {@code qop=auth} with MD5 or SHA-256 is offered and accepted.
 *
 * <p>Confined to the server's event loop thread (it shares the {@link NonceTable}).
 */
final class DigestVerifier {

    /** What the credentials of a request are worth. */
    enum Kind {
        /** No credentials for this realm: challenge. */
        MISSING,
        /** Credentials are correct and the nonce fresh: {@link Verdict#user()} is authenticated. */
        ACCEPTED,
        /** Correct password, but the nonce is expired, unknown or replayed: challenge with {@code stale=true}. */
        STALE,
        /** Unknown user or wrong password. */
        WRONG_CREDENTIALS,
        /** The credentials cannot be understood: 400 with {@link Verdict#detail()}. */
        MALFORMED
    }

    record Verdict(Kind kind, String user, String detail) {
        static Verdict of(Kind kind) {
            return new Verdict(kind, null, "");
        }

        static Verdict malformed(String detail) {
            return new Verdict(Kind.MALFORMED, null, detail);
        }
    }

    // RFC 8760 §2.4: challenges are listed in order of preference, the strongest first.
    private static final List<DigestAlgorithm> OFFERED = List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);

    private final String realm;
    private final UsersFile users;
    private final NonceTable nonces;

    DigestVerifier(String realm, UsersFile users, NonceTable nonces) {
        this.realm = realm;
        this.users = users;
        this.nonces = nonces;
    }

    /**
     * The values of {@code WWW-Authenticate} (or {@code Proxy-Authenticate}) for a new challenge:
     * one per offered algorithm, sharing one fresh nonce.
     */
    List<String> challenges(boolean stale, long nowMillis) {
        String nonce = nonces.issue(nowMillis);
        return OFFERED.stream()
                .map(a -> "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", qop=\"auth\", algorithm=" + a.token()
                        + (stale ? ", stale=true" : ""))
                .toList();
    }

    /** Checks the credentials for this realm in the request's {@code headerName} fields. */
    Verdict verify(SipRequest request, String headerName, long nowMillis) {
        for (String value : request.headerLines(headerName)) {
            AuthHeader credentials;
            try {
                credentials = AuthHeader.parse(value);
            } catch (SipParseException e) {
                return Verdict.malformed(headerName + ": " + e.getMessage());
            }
            if (!credentials.isDigest()) {
                return Verdict.malformed(headerName + ": scheme " + credentials.scheme() + " is not Digest");
            }
            // RFC 3261 §22.4: credentials for other realms (other proxies on the path) are not ours.
            if (realm.equals(credentials.realm().orElse(null))) {
                return check(request, credentials, nowMillis);
            }
        }
        return Verdict.of(Kind.MISSING);
    }

    private Verdict check(SipRequest request, AuthHeader credentials, long nowMillis) {
        Params p = new Params(credentials);
        for (String required : new String[] {"username", "nonce", "uri", "response", "nc", "cnonce"}) {
            if (p.get(required) == null || p.get(required).isEmpty()) {
                return Verdict.malformed("credentials lack " + required + " (qop=auth was offered)");
            }
        }
        // RFC 7616 §3.4: with a qop offered, the client MUST answer with one of them.
        if (!"auth".equalsIgnoreCase(credentials.qop().orElse(""))) {
            return Verdict.malformed("qop must be auth");
        }
        DigestAlgorithm algorithm = DigestAlgorithm.fromToken(p.get("algorithm")).orElse(null);
        if (algorithm == null || !OFFERED.contains(algorithm)) {
            return Verdict.malformed("algorithm " + p.get("algorithm") + " was not offered");
        }
        long nc;
        try {
            nc = p.get("nc").length() == 8 ? Long.parseLong(p.get("nc"), 16) : -1;
        } catch (NumberFormatException e) {
            nc = -1;
        }
        if (nc < 1) {
            return Verdict.malformed("nc must be 8 hex digits, not " + p.get("nc"));
        }
        // RFC 7616 §3.4.6 (RFC 2617 §3.2.2.5): the uri parameter must name the Request-URI.
        if (!sameUri(p.get("uri"), request)) {
            return Verdict.malformed("uri parameter does not match the Request-URI");
        }
        String user = p.get("username");
        String password = users.password(user).orElse(null);
        if (password == null) {
            return Verdict.of(Kind.WRONG_CREDENTIALS);
        }
        String expected = new DigestResponse(algorithm, user, realm, password, request.method(), p.get("uri"),
                p.get("nonce"), "auth", nc, p.get("cnonce")).compute();
        byte[] given = p.get("response").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given)) {
            return Verdict.of(Kind.WRONG_CREDENTIALS);
        }
        // RFC 7616 §3.3: stale=true says the credentials were right but the nonce was not.
        if (nonces.use(p.get("nonce"), nc, nowMillis) != NonceTable.Check.FRESH) {
            return new Verdict(Kind.STALE, user, "");
        }
        return new Verdict(Kind.ACCEPTED, user, "");
    }

    private static boolean sameUri(String uriParam, SipRequest request) {
        if (uriParam.equals(request.requestUriText())) {
            return true;
        }
        try {
            return Uri.parse(uriParam).isEquivalent(request.requestUri());
        } catch (SipParseException e) {
            return false;
        }
    }

    /** The auth-params of credentials by name, null when absent. */
    private record Params(AuthHeader header) {
        String get(String name) {
            return header.param(name).orElse(null);
        }
    }
}
