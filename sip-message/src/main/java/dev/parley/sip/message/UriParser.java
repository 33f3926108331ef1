package dev.parley.sip.message;

import dev.parley.sip.message.SipParseException.Reason;
import dev.parley.sip.message.internal.Chars;
import dev.parley.sip.message.internal.Cursor;
import dev.parley.sip.message.internal.Escaping;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 3261 §19.1.1 / §25.1 SIP-URI and SIPS-URI, RFC 3966 telephone-uri, and absoluteURI for
 * the rest. The caller gives the URI's extent: the whole Request-URI, the inside of
 * {@code <...>}, or a bare addr-spec up to its first {@code ;}.
 */
final class UriParser {

    private UriParser() {
    }

    static Uri parseWhole(String text) {
        Cursor c = Cursor.of(text);
        return parse(c, 0, c.end());
    }

    static Uri parse(Cursor c, int s, int e) {
        byte[] b = c.buf();
        int p = s;
        // RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), case-insensitive.
        if (p >= e || !Character.isLetter(b[p])) {
            throw c.errorAt(Reason.BAD_URI, p);
        }
        while (p < e && Chars.is(b[p], Chars.SCHEME)) {
            p++;
        }
        if (p >= e || b[p] != ':') {
            throw c.errorAt(Reason.BAD_URI, p);
        }
        int len = p - s;
        boolean sip = len == 3 && lower(b, s, "sip");
        boolean sips = len == 4 && lower(b, s, "sips");
        if (sip || sips) {
            return sipUri(c, sips, p + 1, e);
        }
        if (len == 3 && lower(b, s, "tel")) {
            return telUri(c, p + 1, e);
        }
        if (p + 1 >= e) {
            throw c.errorAt(Reason.BAD_URI, p);
        }
        for (int i = p + 1; i < e; i++) {
            int ch = b[i] & 0xff;
            if (ch <= 0x20 || ch == 0x7f || ch == '<' || ch == '>' || ch == '"') {
                throw c.errorAt(Reason.BAD_URI, i);
            }
        }
        return new AbsoluteUri(c.ascii(s, p), c.ascii(p + 1, e));
    }

    private static boolean lower(byte[] b, int s, String word) {
        for (int i = 0; i < word.length(); i++) {
            if ((b[s + i] | 0x20) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static SipUri sipUri(Cursor c, boolean secure, int s, int e) {
        byte[] b = c.buf();
        int at = -1;
        for (int i = s; i < e; i++) {
            if (b[i] == '@') {
                at = i;
                break;
            }
        }
        String user = null;
        String password = null;
        int p = s;
        if (at >= 0) {
            int colon = at;
            for (int i = s; i < at; i++) {
                if (b[i] == ':') {
                    colon = i;
                    break;
                }
            }
            // RFC 3261 §25.1: userinfo = ( user / telephone-subscriber ) [ ":" password ] "@".
            if (colon == s) {
                throw c.errorAt(Reason.BAD_URI, s);
            }
            user = Escaping.decode(c, s, colon, Chars.USER);
            if (colon < at) {
                password = Escaping.decode(c, colon + 1, at, Chars.PASSWORD);
            }
            p = at + 1;
        }
        int hostStart = p;
        String host;
        if (p < e && b[p] == '[') {
            // RFC 3261 §25.1: IPv6reference = "[" IPv6address "]" (RFC 5118 §4.10: be tolerant of
            // the extra colon the old ABNF allowed, so only the character set is checked).
            int close = p + 1;
            while (close < e && (Chars.hexValue(b[close]) >= 0 || b[close] == ':' || b[close] == '.')) {
                close++;
            }
            if (close >= e || b[close] != ']' || close - p < 3) {
                throw c.errorAt(Reason.BAD_URI, close);
            }
            host = c.ascii(p + 1, close);
            if (host.indexOf(':') < 0) {
                throw c.errorAt(Reason.BAD_URI, p);
            }
            p = close + 1;
        } else {
            while (p < e && Chars.is(b[p], Chars.HOST)) {
                p++;
            }
            if (p == hostStart) {
                throw c.errorAt(Reason.BAD_URI, p);
            }
            host = c.ascii(hostStart, p);
        }
        int port = -1;
        if (p < e && b[p] == ':') {
            int ps = ++p;
            port = 0;
            while (p < e && Chars.isDigit(b[p]) && p - ps < 5) {
                port = port * 10 + (b[p++] - '0');
            }
            // RFC 3261 §25.1: port = 1*DIGIT; a TCP/UDP port fits in 16 bits.
            if (p == ps || port > 65535 || (p < e && Chars.isDigit(b[p]))) {
                throw c.errorAt(Reason.BAD_URI, ps);
            }
        }
        Parameters params = Parameters.EMPTY;
        if (p < e && b[p] == ';') {
            List<String> kv = new ArrayList<>(4);
            p = uriParams(c, p, e, kv);
            params = Parameters.trusted(kv, 0);
        }
        Parameters headers = Parameters.EMPTY;
        if (p < e && b[p] == '?') {
            List<String> kv = new ArrayList<>(4);
            p = uriHeaders(c, p, e, kv);
            headers = Parameters.trusted(kv, 0);
        }
        if (p != e) {
            throw c.errorAt(Reason.BAD_URI, p);
        }
        return new SipUri(secure, user, password, host, port, params, headers);
    }

    /** RFC 3261 §25.1: uri-parameters = *( ";" uri-parameter ), pname [ "=" pvalue ], paramchar. */
    private static int uriParams(Cursor c, int p, int e, List<String> kv) {
        byte[] b = c.buf();
        while (p < e && b[p] == ';') {
            int ns = ++p;
            while (p < e && b[p] != '=' && b[p] != ';' && b[p] != '?') {
                p++;
            }
            if (p == ns) {
                throw c.errorAt(Reason.BAD_PARAMETER, p);
            }
            kv.add(Escaping.decode(c, ns, p, Chars.PARAM));
            if (p < e && b[p] == '=') {
                int vs = ++p;
                while (p < e && b[p] != ';' && b[p] != '?') {
                    p++;
                }
                if (p == vs) {
                    throw c.errorAt(Reason.BAD_PARAMETER, p);
                }
                kv.add(Escaping.decode(c, vs, p, Chars.PARAM));
            } else {
                kv.add(null);
            }
        }
        return p;
    }

    /** RFC 3261 §25.1: headers = "?" header *( "&" header ), header = hname "=" hvalue. */
    private static int uriHeaders(Cursor c, int p, int e, List<String> kv) {
        byte[] b = c.buf();
        do {
            int ns = ++p;
            while (p < e && b[p] != '=' && b[p] != '&') {
                p++;
            }
            if (p == ns || p >= e || b[p] != '=') {
                throw c.errorAt(Reason.BAD_URI, p);
            }
            kv.add(Escaping.decode(c, ns, p, Chars.HNV));
            int vs = ++p;
            while (p < e && b[p] != '&') {
                p++;
            }
            kv.add(Escaping.decode(c, vs, p, Chars.HNV));
        } while (p < e && b[p] == '&');
        return p;
    }

    /** RFC 3966 §3: telephone-subscriber = global-number / local-number, then parameters. */
    private static TelUri telUri(Cursor c, int s, int e) {
        byte[] b = c.buf();
        int p = s;
        while (p < e && TelUri.isNumberChar(b[p])) {
            p++;
        }
        if (p == s) {
            throw c.errorAt(Reason.BAD_URI, p);
        }
        String number = c.ascii(s, p);
        Parameters params = Parameters.EMPTY;
        if (p < e && b[p] == ';') {
            List<String> kv = new ArrayList<>(4);
            p = uriParams(c, p, e, kv);
            params = Parameters.trusted(kv, 0);
        }
        if (p != e) {
            throw c.errorAt(Reason.BAD_URI, p);
        }
        return new TelUri(number, params);
    }

    static void appendUriParams(StringBuilder sb, Parameters params) {
        for (int i = 0; i < params.size(); i++) {
            sb.append(';');
            Escaping.encode(sb, params.name(i), Chars.PARAM);
            if (params.value(i) != null) {
                sb.append('=');
                Escaping.encode(sb, params.value(i), Chars.PARAM);
            }
        }
    }
}
