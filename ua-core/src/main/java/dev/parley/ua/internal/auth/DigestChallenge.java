package dev.parley.ua.internal.auth;

import dev.parley.sip.message.AuthHeader;
import dev.parley.sip.message.SipMessage;
import dev.parley.sip.message.SipParseException;
import java.util.Optional;

/**
 * A digest challenge from {@code WWW-Authenticate} or {@code Proxy-Authenticate} (RFC 3261 §22.4,
 * RFC 7616 §3.3, RFC 2617 §3.2.1), read from sip-message's {@link AuthHeader}, which parses the
 * grammar:
 *
 * <pre>
 * challenge  = "Digest" LWS digest-cln *(COMMA digest-cln)
 * digest-cln = realm / domain / nonce / opaque / stale / algorithm / qop-options / auth-param
 * </pre>
 *
 * @param realm     the protection space
 * @param nonce     the server nonce
 * @param opaque    returned unchanged, or null
 * @param algorithm the algorithm (MD5 when absent)
 * @param qopAuth   whether the server offers {@code qop=auth}
 * @param stale     RFC 7616 §3.3: the nonce expired but the credentials were right: retry silently
 */
public record DigestChallenge(String realm, String nonce, String opaque, DigestAlgorithm algorithm,
                              boolean qopAuth, boolean stale) {

    /**
     * The challenge {@code header} carries, or empty when it cannot be answered: not Digest (e.g.
     * Basic, which SIP forbids: RFC 3261 §22.1), no realm or nonce, or an algorithm Parley lacks.
     */
    public static Optional<DigestChallenge> of(AuthHeader header) {
        String realm = header.realm().orElse(null);
        String nonce = header.nonce().orElse(null);
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(header.param("algorithm").orElse(null));
        if (!header.isDigest() || realm == null || nonce == null || algorithm.isEmpty()) {
            return Optional.empty();
        }
        boolean auth = false;
        for (String option : header.qop().orElse("").split(",")) {
            auth |= option.trim().equalsIgnoreCase("auth");
        }
        return Optional.of(new DigestChallenge(realm, nonce, header.opaque().orElse(null), algorithm.get(), auth,
                header.isStale()));
    }

    /**
     * The best digest challenge in the {@code headerName} fields of {@code message}: the first
     * usable one, preferring SHA-256 over MD5 (RFC 8760 §2.4). Each field line is parsed alone.
     */
    public static Optional<DigestChallenge> best(SipMessage message, String headerName) {
        DigestChallenge chosen = null;
        for (String line : message.headerLines(headerName)) {
            DigestChallenge c;
            try {
                c = of(AuthHeader.parse(line)).orElse(null);
            } catch (SipParseException e) {
                c = null; // Lenient: skip a challenge we cannot read when another one is usable.
            }
            if (c != null && (chosen == null
                    || (c.algorithm().token().startsWith("SHA") && !chosen.algorithm().token().startsWith("SHA")))) {
                chosen = c;
            }
        }
        return Optional.ofNullable(chosen);
    }
}
