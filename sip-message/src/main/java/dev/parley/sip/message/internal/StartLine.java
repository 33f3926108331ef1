package dev.parley.sip.message.internal;

import dev.parley.sip.message.SipParseException;
import dev.parley.sip.message.SipParseException.Reason;

/**
 * RFC 3261 §7.1 Request-Line = Method SP Request-URI SP SIP-Version CRLF, and §7.2
 * Status-Line = SIP-Version SP Status-Code SP Reason-Phrase CRLF.
 */
final class StartLine {

    private StartLine() {
    }

    static WireMessage parse(byte[] buf, int s, int e, int msgEnd) {
        if (e - s >= 4 && (buf[s] | 0x20) == 's' && (buf[s + 1] | 0x20) == 'i' && (buf[s + 2] | 0x20) == 'p'
                && buf[s + 3] == '/') {
            return status(buf, s, e, msgEnd);
        }
        return request(buf, s, e, msgEnd);
    }

    private static WireMessage status(byte[] buf, int s, int e, int msgEnd) {
        WireMessage m = new WireMessage(buf, s, false, msgEnd - s);
        int p = s;
        while (p < e && buf[p] != ' ') {
            p++;
        }
        m.firstStart = s;
        m.firstEnd = p;
        checkVersion(buf, s, p, s, msgEnd);
        if (p == e) {
            throw SipParseException.at(Reason.BAD_STATUS_CODE, buf, s, msgEnd, p);
        }
        p++;
        // Lenient: RFC 3665 §3.9 prints "SIP/2.0  486"; extra spaces before the code are skipped.
        while (p < e && buf[p] == ' ') {
            p++;
        }
        int cs = p;
        int code = 0;
        while (p < e && Chars.isDigit(buf[p]) && p - cs < 4) {
            code = code * 10 + (buf[p] - '0');
            p++;
        }
        // RFC 3261 §7.2: Status-Code = 3DIGIT (1xx to 6xx), followed by SP.
        if (p - cs != 3 || code < 100 || code > 699 || (p < e && buf[p] != ' ')) {
            throw SipParseException.at(Reason.BAD_STATUS_CODE, buf, s, msgEnd, cs);
        }
        m.status = code;
        // Lenient: a missing SP before an empty Reason-Phrase is accepted.
        m.lastStart = p < e ? p + 1 : e;
        m.lastEnd = e;
        for (int i = m.lastStart; i < e; i++) {
            byte b = buf[i];
            if ((b >= 0 && b < 0x20 && b != '\t') || b == 0x7f) {
                throw SipParseException.at(Reason.BAD_START_LINE, buf, s, msgEnd, i);
            }
        }
        return m;
    }

    private static WireMessage request(byte[] buf, int s, int e, int msgEnd) {
        WireMessage m = new WireMessage(buf, s, true, msgEnd - s);
        int p = s;
        while (p < e && Chars.is(buf[p], Chars.TOKEN)) {
            p++;
        }
        if (p == s) {
            throw SipParseException.at(Reason.BAD_START_LINE, buf, s, msgEnd, s);
        }
        if (p == e || buf[p] != ' ') {
            throw SipParseException.at(Reason.BAD_METHOD, buf, s, msgEnd, p);
        }
        m.firstStart = s;
        m.firstEnd = p;
        // Lenient: RFC 4475 §3.1.2.9/§3.1.2.10 — runs of spaces between and after the elements
        // are accepted; the serializer writes single spaces, so they are never forwarded.
        int trimmedEnd = e;
        while (trimmedEnd > p && buf[trimmedEnd - 1] == ' ') {
            trimmedEnd--;
        }
        while (p < trimmedEnd && buf[p] == ' ') {
            p++;
        }
        int us = p;
        while (p < trimmedEnd && buf[p] != ' ') {
            byte b = buf[p];
            if ((b >= 0 && b < 0x21) || b == 0x7f) {
                throw SipParseException.at(Reason.BAD_REQUEST_URI, buf, s, msgEnd, p);
            }
            p++;
        }
        int ue = p;
        while (p < trimmedEnd && buf[p] == ' ') {
            p++;
        }
        int vs = p;
        while (p < trimmedEnd && buf[p] != ' ') {
            p++;
        }
        if (us == ue || vs == p) {
            throw SipParseException.at(Reason.BAD_START_LINE, buf, s, msgEnd, p);
        }
        if (p < trimmedEnd) {
            // RFC 3261 §7.1: the Request-URI contains no unescaped whitespace (RFC 4475 §3.1.2.8).
            throw SipParseException.at(Reason.BAD_REQUEST_URI, buf, s, msgEnd, vs);
        }
        checkVersion(buf, vs, p, s, msgEnd);
        m.uriStart = us;
        m.uriEnd = ue;
        m.lastStart = vs;
        m.lastEnd = p;
        return m;
    }

    /** RFC 3261 §25.1: SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT (case-insensitive). */
    private static void checkVersion(byte[] buf, int s, int e, int msgStart, int msgEnd) {
        int p = s + 4;
        boolean ok = e - s >= 7 && (buf[s] | 0x20) == 's' && (buf[s + 1] | 0x20) == 'i' && (buf[s + 2] | 0x20) == 'p'
                && buf[s + 3] == '/';
        int major = p;
        while (ok && p < e && Chars.isDigit(buf[p])) {
            p++;
        }
        ok = ok && p > major && p < e && buf[p] == '.';
        int minor = ++p;
        while (ok && p < e && Chars.isDigit(buf[p])) {
            p++;
        }
        if (!ok || p == minor || p != e) {
            throw SipParseException.at(Reason.BAD_VERSION, buf, msgStart, msgEnd, s);
        }
    }

    /** Whether the version in {@code buf[s,e)} is SIP/2.0 (case-insensitive). */
    static boolean isSip20(byte[] buf, int s, int e) {
        return e - s == 7 && buf[s + 4] == '2' && buf[s + 5] == '.' && buf[s + 6] == '0';
    }
}
