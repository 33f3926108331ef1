package dev.parley.ua.internal.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * One account's digest credentials and what it learnt from challenges: the last challenge per
 * realm, so later requests to that realm carry credentials at once with an incrementing
 * {@code nc} (RFC 7616 §3.4, RFC 3261 §22.3). Bounded: a handful of realms per account.
 * Confined to the phone's SIP thread.
 */
public final class Credentials {

    static final int MAX_REALMS = 8;

    /** A challenge in use, with the count of requests sent with its nonce. */
    private static final class Nonce {
        final DigestChallenge challenge;
        final boolean proxy;
        long count;

        Nonce(DigestChallenge challenge, boolean proxy) {
            this.challenge = challenge;
            this.proxy = proxy;
        }
    }

    private final String username;
    private final String password;
    private final RandomGenerator random;
    private final Map<String, Nonce> realms = new HashMap<>();

    public Credentials(String username, String password, RandomGenerator random) {
        this.username = Objects.requireNonNull(username);
        this.password = Objects.requireNonNull(password);
        this.random = Objects.requireNonNull(random);
    }

    /** An authorization header for a request, as name and value. */
    public record Header(String name, String value) {
    }

    /**
     * Remembers a challenge from a 401 ({@code proxy} false) or 407 response, kept apart per realm
     * and kind: a server may use one realm for both (kamailio does), and a REGISTER must go on
     * sending {@code Authorization} while an INVITE sends {@code Proxy-Authorization}.
     *
     * <p>Returns false when retrying cannot help: the server challenged again, without
     * {@code stale=true}, the very nonce we answered, which means the password is wrong (RFC 7616
     * §3.3 "stale"). A challenge with a different nonce is accepted: a nonce reused from an earlier
     * request (RFC 3261 §22.3) may simply have expired at a server that does not say stale.
     * Callers bound their retries.
     */
    public boolean accept(DigestChallenge challenge, boolean proxy, boolean alreadyAnswered) {
        String key = key(challenge.realm(), proxy);
        Nonce previous = realms.get(key);
        if (alreadyAnswered && previous != null && !challenge.stale()
                && previous.challenge.nonce().equals(challenge.nonce())) {
            realms.remove(key);
            return false;
        }
        if (realms.size() >= MAX_REALMS && previous == null) {
            realms.clear();
        }
        realms.put(key, new Nonce(challenge, proxy));
        return true;
    }

    private static String key(String realm, boolean proxy) {
        return (proxy ? "proxy\u0000" : "www\u0000") + realm;
    }

    /** Forgets every realm (after a failure, so a later attempt starts fresh). */
    public void forget() {
        realms.clear();
    }

    /**
     * The authorization headers for a request to {@code digestUri}, one per realm we know
     * (RFC 3261 §22.3: reused for later requests), each with the next {@code nc}.
     */
    public java.util.List<Header> headersFor(String method, String digestUri) {
        java.util.List<Header> out = new java.util.ArrayList<>(realms.size());
        for (Nonce n : realms.values()) {
            DigestChallenge c = n.challenge;
            n.count++;
            String cnonce = Long.toHexString(random.nextLong());
            String qop = c.qopAuth() ? "auth" : null;
            DigestResponse r = new DigestResponse(c.algorithm(), username, c.realm(), password, method, digestUri,
                    c.nonce(), qop, n.count, qop != null || c.algorithm().isSession() ? cnonce : null);
            StringBuilder sb = new StringBuilder(256).append("Digest username=\"").append(quote(username))
                    .append("\", realm=\"").append(quote(c.realm()))
                    .append("\", nonce=\"").append(quote(c.nonce()))
                    .append("\", uri=\"").append(quote(digestUri))
                    .append("\", response=\"").append(r.compute())
                    .append("\", algorithm=").append(c.algorithm().token());
            if (qop != null || c.algorithm().isSession()) {
                sb.append(", cnonce=\"").append(cnonce).append('"');
            }
            if (qop != null) {
                // RFC 7616 §3.4: qop and nc are sent unquoted.
                sb.append(", qop=auth, nc=").append(r.nonceCountHex());
            }
            if (c.opaque() != null) {
                sb.append(", opaque=\"").append(quote(c.opaque())).append('"');
            }
            out.add(new Header(n.proxy ? "Proxy-Authorization" : "Authorization", sb.toString()));
        }
        return out;
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
