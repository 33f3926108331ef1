package dev.parley.ua.internal.auth;

import java.util.Objects;

/**
 * Computes the {@code response} parameter of a digest credential (RFC 2617 §3.2.2, RFC 7616 §3.4.1),
 * as a SIP UA does for {@code Authorization} and {@code Proxy-Authorization} (RFC 3261 §22.4).
 *
 * <p>Only {@code qop=auth} or no qop are supported; {@code auth-int} is not offered by Parley.
 *
 * @param algorithm the challenge's algorithm
 * @param username  the authentication user name
 * @param realm     the challenge's realm
 * @param password  the password
 * @param method    the request method (for SIP, ACK and CANCEL reuse the INVITE's credentials)
 * @param digestUri the {@code uri} parameter: the Request-URI as sent
 * @param nonce     the server nonce
 * @param qop       {@code "auth"}, or {@code null} for the RFC 2069 compatible form
 * @param nonceCount the {@code nc} value (1 for the first use of a nonce)
 * @param cnonce    the client nonce (required when qop is present or the algorithm is {@code -sess})
 */
public record DigestResponse(
        DigestAlgorithm algorithm,
        String username,
        String realm,
        String password,
        String method,
        String digestUri,
        String nonce,
        String qop,
        long nonceCount,
        String cnonce) {

    public DigestResponse {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(digestUri, "digestUri");
        Objects.requireNonNull(nonce, "nonce");
        if (qop != null && !qop.equals("auth")) {
            throw new IllegalArgumentException("only qop=auth is supported, not " + qop);
        }
        if ((qop != null || algorithm.isSession()) && (cnonce == null || cnonce.isEmpty())) {
            // RFC 7616 §3.4: cnonce MUST be sent with qop, and the -sess HA1 needs it.
            throw new IllegalArgumentException("cnonce required with qop or a -sess algorithm");
        }
        if (nonceCount < 1 || nonceCount > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("nc out of range: " + nonceCount);
        }
    }

    /** The {@code nc} parameter: eight lower-case hex digits (RFC 7616 §3.4). */
    public String nonceCountHex() {
        String hex = Long.toHexString(nonceCount);
        return "00000000".substring(hex.length()) + hex;
    }

    /** The lower-case hex {@code response} value. */
    public String compute() {
        // RFC 7616 §3.4.2: A1 = username ":" realm ":" passwd, and for -sess H(A1) ":" nonce ":" cnonce.
        String ha1 = algorithm.hexDigest(username + ":" + realm + ":" + password);
        if (algorithm.isSession()) {
            ha1 = algorithm.hexDigest(ha1 + ":" + nonce + ":" + cnonce);
        }
        // RFC 7616 §3.4.3: A2 = Method ":" request-uri (qop=auth or none).
        String ha2 = algorithm.hexDigest(method + ":" + digestUri);
        if (qop == null) {
            // RFC 2617 §3.2.2.1, RFC 2069 compatibility: KD(HA1, nonce ":" HA2).
            return algorithm.hexDigest(ha1 + ":" + nonce + ":" + ha2);
        }
        // RFC 7616 §3.4.1: KD(HA1, nonce ":" nc ":" cnonce ":" qop ":" HA2).
        return algorithm.hexDigest(ha1 + ":" + nonce + ":" + nonceCountHex() + ":" + cnonce + ":" + qop + ":" + ha2);
    }
}
