package dev.parley.ua.internal.auth;

import dev.parley.ua.internal.auth.ChallengeParseException.Reason;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A digest challenge from {@code WWW-Authenticate} or {@code Proxy-Authenticate} (RFC 3261 §22.4,
 * RFC 7616 §3.3, RFC 2617 §3.2.1).
 *
 * <pre>
 * challenge  = "Digest" LWS digest-cln *(COMMA digest-cln)
 * digest-cln = realm / domain / nonce / opaque / stale / algorithm / qop-options / auth-param
 *            ; each: token EQUAL ( token / quoted-string )
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

    /** Parses one challenge value. */
    public static DigestChallenge parse(String value) {
        Map<String, String> params = AuthParams.parseDigest(value);
        String realm = params.get("realm");
        String nonce = params.get("nonce");
        if (realm == null || nonce == null) {
            throw new ChallengeParseException(Reason.MISSING_PARAM, value.length(), realm == null ? "realm" : "nonce");
        }
        String alg = params.get("algorithm");
        DigestAlgorithm algorithm = DigestAlgorithm.fromToken(alg)
                .orElseThrow(() -> new ChallengeParseException(Reason.UNSUPPORTED_ALGORITHM, 0, alg));
        boolean auth = false;
        String qop = params.get("qop");
        if (qop != null) {
            for (String option : qop.split(",")) {
                auth |= option.trim().equalsIgnoreCase("auth");
            }
        }
        return new DigestChallenge(realm, nonce, params.get("opaque"), algorithm, auth,
                "true".equalsIgnoreCase(params.get("stale")));
    }

    /** The first digest challenge among {@code values} whose algorithm we support, preferring SHA-256 (RFC 8760 §2.4). */
    public static Optional<DigestChallenge> best(List<String> values) {
        DigestChallenge chosen = null;
        for (String v : values) {
            try {
                DigestChallenge c = parse(v);
                if (chosen == null || (c.algorithm().token().startsWith("SHA") && !chosen.algorithm().token().startsWith("SHA"))) {
                    chosen = c;
                }
            } catch (ChallengeParseException e) {
                // Lenient: skip a challenge we cannot use when another one is usable.
            }
        }
        return Optional.ofNullable(chosen);
    }

}
