package dev.parley.cli.registrar;

import java.util.Objects;

/**
 * How the registrar and proxy behave. Immutable; one per server.
 *
 * @param realm               the digest realm offered in challenges (RFC 3261 §22.1)
 * @param minExpires          shortest registration accepted, seconds; shorter ones get 423 (RFC 3261 §10.3 step 7)
 * @param maxExpires          longest registration granted, seconds; longer requests are shortened
 * @param defaultExpires      granted when the REGISTER names no expiry (RFC 3261 §10.2.1.1 suggests 3600)
 * @param maxBindingsPerAor   contacts kept per address-of-record; more are refused with 503
 * @param nonceLifetimeMillis how long a nonce is good for; later use is answered {@code stale=true}
 * @param maxNonces           nonces remembered at once (oldest forgotten first)
 * @param sweepMillis         period of the timer that removes expired bindings and nonces
 * @param authenticateInvites whether initial INVITEs must carry Proxy-Authorization (407 otherwise)
 */
public record RegistrarConfig(String realm, long minExpires, long maxExpires, long defaultExpires,
                              int maxBindingsPerAor, long nonceLifetimeMillis, int maxNonces, long sweepMillis,
                              boolean authenticateInvites) {

    /** Realm "parley", 60 s to 1 h (default 1 h), 8 contacts per user, 5-minute nonces, 1 s sweep, INVITEs not challenged. */
    public static final RegistrarConfig DEFAULT = new RegistrarConfig("parley", 60, 3600, 3600, 8, 300_000, 10_000, 1000, false);

    public RegistrarConfig {
        Objects.requireNonNull(realm, "realm");
        if (realm.isEmpty() || realm.indexOf('"') >= 0 || realm.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("realm must be non-empty text without quotes or backslashes: " + realm);
        }
        if (minExpires < 1 || maxExpires < minExpires || defaultExpires < minExpires || defaultExpires > maxExpires) {
            throw new IllegalArgumentException("need 1 <= min-expires <= default <= max-expires: "
                    + minExpires + "/" + defaultExpires + "/" + maxExpires);
        }
        if (maxBindingsPerAor < 1 || nonceLifetimeMillis < 1 || maxNonces < 1 || sweepMillis < 1) {
            throw new IllegalArgumentException("bounds must be positive");
        }
    }

    public RegistrarConfig withRealm(String value) {
        return new RegistrarConfig(value, minExpires, maxExpires, defaultExpires, maxBindingsPerAor,
                nonceLifetimeMillis, maxNonces, sweepMillis, authenticateInvites);
    }

    public RegistrarConfig withExpiries(long min, long max, long defaultValue) {
        return new RegistrarConfig(realm, min, max, defaultValue, maxBindingsPerAor, nonceLifetimeMillis, maxNonces,
                sweepMillis, authenticateInvites);
    }

    public RegistrarConfig withAuthenticateInvites(boolean value) {
        return new RegistrarConfig(realm, minExpires, maxExpires, defaultExpires, maxBindingsPerAor,
                nonceLifetimeMillis, maxNonces, sweepMillis, value);
    }

    public RegistrarConfig withNonceLifetime(long millis) {
        return new RegistrarConfig(realm, minExpires, maxExpires, defaultExpires, maxBindingsPerAor, millis, maxNonces,
                sweepMillis, authenticateInvites);
    }
}
