package dev.parley.ua.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DigestResponseTest {

    /** RFC 7616 §3.9.1 example: the same credentials hashed with MD5 and with SHA-256. */
    private static DigestResponse rfc7616(DigestAlgorithm algorithm) {
        return new DigestResponse(algorithm, "Mufasa", "http-auth@example.org", "Circle of Life", "GET",
                "/dir/index.html", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "auth", 1,
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");
    }

    @Test
    void rfc7616_md5ExampleResponse() {
        assertEquals("8ca523f5e9506fed4657c9700eebdbec", rfc7616(DigestAlgorithm.MD5).compute());
    }

    @Test
    void rfc7616_sha256ExampleResponse() {
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
                rfc7616(DigestAlgorithm.SHA_256).compute());
    }

    @Test
    void rfc2617_qopAuthExampleResponse() {
        DigestResponse r = new DigestResponse(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "Circle Of Life",
                "GET", "/dir/index.html", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "auth", 1, "0a4f113b");
        assertEquals("6629fae49393a05397450978507c4ef1", r.compute());
    }

    @Test
    void nonceCount_isEightLowerCaseHexDigits() {
        DigestResponse r = new DigestResponse(DigestAlgorithm.MD5, "u", "r", "p", "REGISTER", "sip:r", "n", "auth",
                0x1aL, "c");
        assertEquals("0000001a", r.nonceCountHex());
    }

    @Test
    void noQop_usesRfc2069Form() {
        // H(H(A1):nonce:H(A2)) computed independently of the class under test.
        DigestAlgorithm md5 = DigestAlgorithm.MD5;
        String ha1 = md5.hexDigest("bob:biloxi.com:zanzibar");
        String ha2 = md5.hexDigest("REGISTER:sip:biloxi.com");
        String expected = md5.hexDigest(ha1 + ":abc:" + ha2);
        DigestResponse r = new DigestResponse(md5, "bob", "biloxi.com", "zanzibar", "REGISTER", "sip:biloxi.com",
                "abc", null, 1, null);
        assertEquals(expected, r.compute());
    }

    @Test
    void sessionAlgorithm_foldsNoncesIntoHa1() {
        DigestAlgorithm alg = DigestAlgorithm.SHA_256_SESS;
        String ha1 = alg.hexDigest(alg.hexDigest("u:r:p") + ":n:c");
        String ha2 = alg.hexDigest("INVITE:sip:x@y");
        String expected = alg.hexDigest(ha1 + ":n:00000001:c:auth:" + ha2);
        assertEquals(expected, new DigestResponse(alg, "u", "r", "p", "INVITE", "sip:x@y", "n", "auth", 1, "c").compute());
    }

    @Test
    void qopWithoutCnonce_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DigestResponse(DigestAlgorithm.MD5, "u", "r", "p",
                "INVITE", "sip:x", "n", "auth", 1, null));
    }

    @Test
    void algorithmTokens_matchCaseInsensitivelyAndDefaultToMd5() {
        assertEquals(DigestAlgorithm.SHA_256, DigestAlgorithm.fromToken("sha-256").orElseThrow());
        assertEquals(DigestAlgorithm.MD5, DigestAlgorithm.fromToken(null).orElseThrow());
        assertEquals(DigestAlgorithm.MD5_SESS, DigestAlgorithm.fromToken("MD5-sess").orElseThrow());
        assertEquals(true, DigestAlgorithm.fromToken("SHA-512-256").isEmpty());
    }
}
