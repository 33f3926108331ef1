package dev.parley.ua.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * The digest algorithms a SIP challenge may name (RFC 7616 §3.3, RFC 8760 for SIP). The
 * {@code -sess} variants fold the nonces into HA1 (RFC 7616 §3.4.2).
 */
public enum DigestAlgorithm {
    MD5("MD5", "MD5", false),
    MD5_SESS("MD5-sess", "MD5", true),
    SHA_256("SHA-256", "SHA-256", false),
    SHA_256_SESS("SHA-256-sess", "SHA-256", true);

    private final String token;
    private final String jcaName;
    private final boolean session;

    DigestAlgorithm(String token, String jcaName, boolean session) {
        this.token = token;
        this.jcaName = jcaName;
        this.session = session;
    }

    /** The name as written in the {@code algorithm} parameter. */
    public String token() {
        return token;
    }

    /** Whether HA1 includes the server and client nonces (RFC 7616 §3.4.2). */
    public boolean isSession() {
        return session;
    }

    /**
     * The algorithm named by a challenge's {@code algorithm} parameter, compared case-insensitively.
     * RFC 7616 §3.3: an absent parameter means MD5.
     */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.of(MD5);
        }
        for (DigestAlgorithm a : values()) {
            if (a.token.equalsIgnoreCase(token)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Lower-case hexadecimal digest of the UTF-8 bytes of {@code text} (RFC 7616 §3.4). */
    String hexDigest(String text) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must provide MD5 and SHA-256 (MessageDigest javadoc).
            throw new IllegalStateException(jcaName + " missing from this JDK", e);
        }
        byte[] hash = md.digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormatHolder.toHex(hash);
    }

    @Override
    public String toString() {
        return token.toUpperCase(Locale.ROOT);
    }

    /** Hex encoding without java.util.HexFormat (Java 17 has it, but this keeps the hot path obvious). */
    private static final class HexFormatHolder {
        private static final char[] DIGITS = "0123456789abcdef".toCharArray();

        static String toHex(byte[] bytes) {
            char[] out = new char[bytes.length * 2];
            for (int i = 0; i < bytes.length; i++) {
                out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
                out[2 * i + 1] = DIGITS[bytes[i] & 0xF];
            }
            return new String(out);
        }
    }
}
