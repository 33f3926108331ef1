package dev.parley.ua.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sip.message.AuthHeader;
import dev.parley.sip.message.SipParseException;
import dev.parley.sip.message.SipResponse;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Digest challenges read through sip-message's {@link AuthHeader}: RFC 7616 examples, unusable
 * challenges, and only sip-message's typed error on any input.
 */
class DigestChallengeProperties {

    private static DigestChallenge parse(String value) {
        return DigestChallenge.of(AuthHeader.parse(value)).orElseThrow();
    }

    @Test
    void rfc7616Challenge_parsesRealmNonceOpaqueQopAlgorithm() {
        DigestChallenge c = parse("Digest\n realm=\"http-auth@example.org\",\n qop=\"auth, auth-int\","
                + "\n algorithm=SHA-256,\n nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\",\n"
                + " opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");
        assertEquals("http-auth@example.org", c.realm());
        assertEquals("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", c.nonce());
        assertEquals(DigestAlgorithm.SHA_256, c.algorithm());
        assertTrue(c.qopAuth());
        assertFalse(c.stale());
        assertEquals("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", c.opaque());
    }

    @Test
    void absentAlgorithmMeansMd5_quotedPairsAreResolved_staleIsRead() {
        DigestChallenge c = parse("DIGEST realm=\"a \\\"b\\\"\", nonce=n1, stale=TRUE");
        assertEquals("a \"b\"", c.realm());
        assertEquals(DigestAlgorithm.MD5, c.algorithm());
        assertFalse(c.qopAuth());
        assertTrue(c.stale());
    }

    @Test
    void unusableChallenges_areEmpty_rfc3261_22_1() {
        for (String value : List.of("Basic realm=\"x\"", "Digest realm=\"x\"", "Digest nonce=\"y\"",
                "Digest realm=\"x\", nonce=\"y\", algorithm=SHA-512-256")) {
            assertEquals(Optional.empty(), DigestChallenge.of(AuthHeader.parse(value)), value);
        }
    }

    @Test
    void malformedChallenges_failWithSipMessagesTypedError() {
        for (String value : List.of("Digest realm=\"x, nonce=y", "Digest realm x", "Digest realm=")) {
            SipParseException e = assertThrows(SipParseException.class, () -> AuthHeader.parse(value));
            assertTrue(e.reason() != null, value);
        }
    }

    @Test
    void bestChallenge_prefersSha256_andSkipsUnusableAndMalformedLines() {
        SipResponse r = (SipResponse) new dev.parley.sip.message.SipParser().parse(("SIP/2.0 401 Unauthorized\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1\r\n"
                + "From: <sip:a@x>;tag=1\r\nTo: <sip:a@x>;tag=2\r\nCall-ID: c\r\nCSeq: 1 REGISTER\r\n"
                + "WWW-Authenticate: Digest realm=\"r\", nonce=\"1\", algorithm=MD5\r\n"
                + "WWW-Authenticate: Digest realm=\"r, nonce=broken\r\n"
                + "WWW-Authenticate: Digest realm=\"r\", nonce=\"2\", algorithm=SHA-256\r\n"
                + "WWW-Authenticate: Basic realm=\"r\"\r\nContent-Length: 0\r\n\r\n").getBytes(
                java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("2", DigestChallenge.best(r, "WWW-Authenticate").orElseThrow().nonce());
        assertEquals(Optional.empty(), DigestChallenge.best(r, "Proxy-Authenticate"));
    }

    @Property(tries = 2000)
    void anyText_parsesOrThrowsOnlyTheTypedError(@ForAll @StringLength(max = 200) String text) {
        try {
            DigestChallenge.of(AuthHeader.parse("Digest " + text));
        } catch (SipParseException expected) {
            // the one typed error
        }
    }

    @Test
    void mutatedChallenges_200000_onlyTheTypedErrorEscapes() {
        String seed = "Digest realm=\"parley.test\", nonce=\"abc\", qop=\"auth\", algorithm=SHA-256, opaque=\"x\\\"y\"";
        SplittableRandom random = new SplittableRandom(42);
        char[] alphabet = "\"\\,= \t\r\nDdigestrealmnoncequpaoy-256".toCharArray();
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder(seed);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && sb.length() > 0; e++) {
                int at = random.nextInt(sb.length());
                switch (random.nextInt(3)) {
                    case 0 -> sb.setCharAt(at, alphabet[random.nextInt(alphabet.length)]);
                    case 1 -> sb.deleteCharAt(at);
                    default -> sb.setLength(at); // truncation
                }
            }
            try {
                Optional<DigestChallenge> c = DigestChallenge.of(AuthHeader.parse(sb.toString()));
                assertTrue(c.isEmpty() || c.get().realm() != null && c.get().nonce() != null);
            } catch (SipParseException expected) {
                // the one typed error
            }
        }
    }
}
