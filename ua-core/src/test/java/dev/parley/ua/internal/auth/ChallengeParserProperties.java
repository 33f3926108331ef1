package dev.parley.ua.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The digest challenge parser: RFC 7616 examples, typed errors, and only typed errors on any input. */
class ChallengeParserProperties {

    @Test
    void rfc7616Challenge_parsesRealmNonceOpaqueQopAlgorithm() {
        DigestChallenge c = DigestChallenge.parse("Digest\n realm=\"http-auth@example.org\",\n qop=\"auth, auth-int\","
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
        DigestChallenge c = DigestChallenge.parse("DIGEST realm=\"a \\\"b\\\"\", nonce=n1, stale=TRUE");
        assertEquals("a \"b\"", c.realm());
        assertEquals(DigestAlgorithm.MD5, c.algorithm());
        assertFalse(c.qopAuth());
        assertTrue(c.stale());
    }

    @Test
    void badChallenges_failWithTheirReason() {
        List<Object[]> cases = List.of(
                new Object[] {"Basic realm=\"x\"", ChallengeParseException.Reason.NOT_DIGEST},
                new Object[] {"Digest realm=\"x\"", ChallengeParseException.Reason.MISSING_PARAM},
                new Object[] {"Digest realm=\"x\", nonce=\"y\", algorithm=SHA-512-256", ChallengeParseException.Reason.UNSUPPORTED_ALGORITHM},
                new Object[] {"Digest realm=\"x, nonce=y", ChallengeParseException.Reason.BAD_PARAM},
                new Object[] {"Digest realm x", ChallengeParseException.Reason.BAD_PARAM},
                new Object[] {"Digest " + "a=b,".repeat(40), ChallengeParseException.Reason.TOO_LARGE});
        for (Object[] c : cases) {
            ChallengeParseException e = assertThrows(ChallengeParseException.class, () -> DigestChallenge.parse((String) c[0]));
            assertEquals(c[1], e.reason(), (String) c[0]);
        }
    }

    @Test
    void bestChallenge_prefersSha256_andSkipsUnusableOnes() {
        DigestChallenge c = DigestChallenge.best(List.of("Digest realm=\"r\", nonce=\"1\", algorithm=MD5",
                "Digest realm=\"r\", nonce=\"2\", algorithm=SHA-256", "Basic realm=\"r\"")).orElseThrow();
        assertEquals("2", c.nonce());
    }

    @Property(tries = 2000)
    void anyText_parsesOrThrowsOnlyTheTypedError(@ForAll @StringLength(max = 200) String text) {
        try {
            DigestChallenge.parse("Digest " + text);
        } catch (ChallengeParseException expected) {
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
                DigestChallenge c = DigestChallenge.parse(sb.toString());
                assertTrue(c.realm() != null && c.nonce() != null);
            } catch (ChallengeParseException expected) {
                // the one typed error
            }
        }
    }
}
