package dev.parley.cli.registrar;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The nonces this server has issued (RFC 7616 §3.3, §5.5): each is random, valid for a limited time,
 * and remembers the highest nonce-count seen so that a replayed credential is refused. Bounded:
 * beyond {@code maxNonces} the oldest is forgotten (a client still using it gets {@code stale=true}).
 *
 * <p>Confined to the server's event loop thread.
 */
final class NonceTable {

    /** What a nonce and nonce-count are worth. */
    enum Check {
        /** Issued here, not expired, count higher than any seen with it. */
        FRESH,
        /** Unknown (expired, forgotten, or from an earlier run) or count not increasing. */
        STALE
    }

    private static final class Issued {
        final long issuedAtMillis;
        long highestCount;

        Issued(long issuedAtMillis) {
            this.issuedAtMillis = issuedAtMillis;
        }
    }

    private final RandomGenerator random;
    private final long lifetimeMillis;
    private final int maxNonces;
    private final Map<String, Issued> issued = new LinkedHashMap<>();

    NonceTable(RandomGenerator random, long lifetimeMillis, int maxNonces) {
        this.random = random;
        this.lifetimeMillis = lifetimeMillis;
        this.maxNonces = maxNonces;
    }

    /** A new nonce: 128 random bits in hex (RFC 7616 §5.4: unpredictable to clients). */
    String issue(long nowMillis) {
        String nonce = Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
        if (issued.size() >= maxNonces) {
            Iterator<String> oldest = issued.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        issued.put(nonce, new Issued(nowMillis));
        return nonce;
    }

    /**
     * Checks and, when fresh, records the nonce-count. RFC 7616 §3.4: the server checks that nc is
     * greater than any value it has seen with this nonce, to detect replays.
     */
    Check use(String nonce, long nonceCount, long nowMillis) {
        Issued n = issued.get(nonce);
        if (n == null || nowMillis - n.issuedAtMillis >= lifetimeMillis || nonceCount <= n.highestCount) {
            return Check.STALE;
        }
        n.highestCount = nonceCount;
        return Check.FRESH;
    }

    /** Forgets expired nonces; returns how many. */
    int removeExpired(long nowMillis) {
        int removed = 0;
        for (Iterator<Issued> it = issued.values().iterator(); it.hasNext(); ) {
            if (nowMillis - it.next().issuedAtMillis >= lifetimeMillis) {
                it.remove();
                removed++;
            }
        }
        return removed;
    }

    int size() {
        return issued.size();
    }
}
