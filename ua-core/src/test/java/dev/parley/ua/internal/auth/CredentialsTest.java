package dev.parley.ua.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    private final Credentials credentials = new Credentials("alice", "secret", new SplittableRandom(7));

    private static DigestChallenge challenge(String nonce, boolean stale) {
        return DigestChallenge.of(dev.parley.sip.message.AuthHeader.parse("Digest realm=\"parley.test\", nonce=\"" + nonce + "\", qop=\"auth\""
                + (stale ? ", stale=true" : ""))).orElseThrow();
    }

    private List<String> headerNames() {
        return credentials.headersFor("INVITE", "sip:bob@parley.test").stream().map(Credentials.Header::name).toList();
    }

    @Test
    void sameRealm_keepsWwwAndProxyCredentialsApart() {
        // kamailio challenges REGISTER with 401 and INVITE with 407 in one realm: both must be answered.
        assertTrue(credentials.accept(challenge("n1", false), false, false));
        assertTrue(credentials.accept(challenge("n2", false), true, true));
        assertEquals(List.of("Authorization", "Proxy-Authorization"), headerNames().stream().sorted().toList());
    }

    @Test
    void reusedNonceRejectedWithAFreshOne_isRetried() {
        // RFC 3261 §22.3: a nonce kept from an earlier request may have expired; the new one is taken.
        assertTrue(credentials.accept(challenge("old", false), false, false));
        assertTrue(credentials.accept(challenge("new", false), false, true));
        String value = credentials.headersFor("REGISTER", "sip:parley.test").get(0).value();
        assertTrue(value.contains("nonce=\"new\""), value);
    }

    @Test
    void theAnsweredNonceChallengedAgain_meansTheWrongPassword() {
        assertTrue(credentials.accept(challenge("n1", false), false, false));
        assertFalse(credentials.accept(challenge("n1", false), false, true));
        assertTrue(headerNames().isEmpty(), "the failed realm is forgotten");
    }

    @Test
    void staleChallenge_isAlwaysRetried() {
        // RFC 7616 §3.3: stale=true says the credentials were right and only the nonce expired.
        assertTrue(credentials.accept(challenge("n1", false), false, false));
        assertTrue(credentials.accept(challenge("n1", true), false, true));
    }

    @Test
    void nonceCount_incrementsPerRequest() {
        credentials.accept(challenge("n1", false), false, false);
        assertTrue(credentials.headersFor("REGISTER", "sip:parley.test").get(0).value().contains("nc=00000001"));
        assertTrue(credentials.headersFor("REGISTER", "sip:parley.test").get(0).value().contains("nc=00000002"));
    }
}
