package dev.parley.ua.internal.auth;

import dev.parley.ua.internal.auth.ChallengeParseException.Reason;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a Digest challenge or credential header value (RFC 3261 §25.1, RFC 7616 §3.3):
 * {@code Digest name=value, name="quoted value", …}. Names are lower-cased; quoted-pairs are
 * resolved; the first occurrence of a name wins. Bounded in length and parameter count.
 */
public final class AuthParams {

    static final int MAX_PARAMS = 32;
    static final int MAX_LENGTH = 4096;

    private AuthParams() {
    }

    /** Parses a value whose scheme must be Digest; throws {@link ChallengeParseException}. */
    public static Map<String, String> parseDigest(String value) {
        if (value.length() > MAX_LENGTH) {
            throw new ChallengeParseException(Reason.TOO_LARGE, 0, value.length() + " characters");
        }
        int i = skipSpace(value, 0);
        int schemeEnd = i;
        while (schemeEnd < value.length() && !Character.isWhitespace(value.charAt(schemeEnd))) {
            schemeEnd++;
        }
        if (!value.substring(i, schemeEnd).equalsIgnoreCase("Digest")) {
            throw new ChallengeParseException(Reason.NOT_DIGEST, i, value.substring(i, schemeEnd));
        }
        return params(value, schemeEnd);
    }

    private static Map<String, String> params(String v, int from) {
        Map<String, String> out = new LinkedHashMap<>();
        int count = 0;
        int i = from;
        while (true) {
            i = skipSpace(v, i);
            if (i >= v.length()) {
                return out;
            }
            if (++count > MAX_PARAMS) {
                throw new ChallengeParseException(Reason.TOO_LARGE, i, "more than " + MAX_PARAMS + " parameters");
            }
            int nameStart = i;
            while (i < v.length() && v.charAt(i) != '=' && v.charAt(i) != ',' && !Character.isWhitespace(v.charAt(i))) {
                i++;
            }
            String name = v.substring(nameStart, i).toLowerCase(Locale.ROOT);
            i = skipSpace(v, i);
            if (name.isEmpty() || i >= v.length() || v.charAt(i) != '=') {
                throw new ChallengeParseException(Reason.BAD_PARAM, i, "expected name=value");
            }
            i = skipSpace(v, i + 1);
            String value;
            if (i < v.length() && v.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < v.length() && v.charAt(i) != '"') {
                    char c = v.charAt(i);
                    if (c == '\\' && i + 1 < v.length()) { // RFC 3261 §25.1: quoted-pair
                        c = v.charAt(++i);
                    }
                    sb.append(c);
                    i++;
                }
                if (i >= v.length()) {
                    throw new ChallengeParseException(Reason.BAD_PARAM, i, "unterminated quoted string");
                }
                i++;
                value = sb.toString();
            } else {
                int start = i;
                while (i < v.length() && v.charAt(i) != ',' && !Character.isWhitespace(v.charAt(i))) {
                    i++;
                }
                value = v.substring(start, i);
            }
            out.putIfAbsent(name, value);
            i = skipSpace(v, i);
            if (i < v.length()) {
                if (v.charAt(i) != ',') {
                    throw new ChallengeParseException(Reason.BAD_PARAM, i, "expected a comma");
                }
                i++;
            }
        }
    }

    private static int skipSpace(String v, int i) {
        while (i < v.length() && Character.isWhitespace(v.charAt(i))) {
            i++;
        }
        return i;
    }
}
