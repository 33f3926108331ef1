package dev.parley.sip.message.internal;

import dev.parley.sip.message.SipParseException.Reason;
import java.nio.charset.StandardCharsets;

/** RFC 3261 §19.1.2 / §25.1: escaped = "%" HEXDIG HEXDIG, decoded once, re-escaped on output. */
public final class Escaping {

    private Escaping() {
    }

    /**
     * Decodes {@code c.buf()[s, e)} where every byte is in {@code allowed} or part of an escape;
     * fails at the first byte that is neither. The octets are read as UTF-8.
     */
    public static String decode(Cursor c, int s, int e, int allowed) {
        byte[] b = c.buf();
        boolean escaped = false;
        for (int i = s; i < e; i++) {
            if (b[i] == '%') {
                if (i + 2 >= e || Chars.hexValue(b[i + 1]) < 0 || Chars.hexValue(b[i + 2]) < 0) {
                    throw c.errorAt(Reason.BAD_URI, i);
                }
                escaped = true;
                i += 2;
            } else if (!Chars.is(b[i], allowed)) {
                throw c.errorAt(Reason.BAD_URI, i);
            }
        }
        if (!escaped) {
            return c.ascii(s, e);
        }
        byte[] out = new byte[e - s];
        int n = 0;
        for (int i = s; i < e; i++) {
            if (b[i] == '%') {
                out[n++] = (byte) (Chars.hexValue(b[i + 1]) * 16 + Chars.hexValue(b[i + 2]));
                i += 2;
            } else {
                out[n++] = b[i];
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** Appends {@code s}, escaping every octet of its UTF-8 form that is not in {@code allowed}. */
    public static void encode(StringBuilder sb, String s, int allowed) {
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char ch = s.charAt(i);
            plain = ch < 128 && ch != '%' && Chars.is((byte) ch, allowed);
        }
        if (plain) {
            sb.append(s);
            return;
        }
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            if (b != '%' && Chars.is(b, allowed)) {
                sb.append((char) b);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
    }
}
