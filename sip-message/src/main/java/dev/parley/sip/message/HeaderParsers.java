package dev.parley.sip.message;

import dev.parley.sip.message.SipParseException.Reason;
import dev.parley.sip.message.internal.Chars;
import dev.parley.sip.message.internal.Cursor;

/** Grammar of the typed header values (RFC 3261 §25.1), over one list element each. */
final class HeaderParsers {

    private HeaderParsers() {
    }

    /**
     * RFC 3261 §20.42: via-parm = sent-protocol LWS sent-by *( SEMI via-params ),
     * sent-protocol = protocol-name SLASH protocol-version SLASH transport.
     */
    private static final String[] PROTOCOL_NAMES = {"SIP"};
    private static final String[] PROTOCOL_VERSIONS = {"2.0"};
    private static final String[] TRANSPORTS = {"UDP", "TCP", "TLS", "SCTP", "WS", "WSS"};
    private static final String[] PARAM_NAMES = {"branch", "rport", "received", "tag", "lr", "transport", "maddr",
        "ttl", "expires", "q", "user", "method"};

    static Via via(Cursor c) {
        c.skipLws();
        String name = c.token(Reason.BAD_VIA, PROTOCOL_NAMES);
        c.expectSeparator('/', Reason.BAD_VIA);
        String version = c.token(Reason.BAD_VIA, PROTOCOL_VERSIONS);
        c.expectSeparator('/', Reason.BAD_VIA);
        String transport = c.token(Reason.BAD_VIA, TRANSPORTS);
        int before = c.pos();
        c.skipLws();
        if (c.pos() == before) {
            throw c.error(Reason.BAD_VIA);
        }
        String host = host(c, Reason.BAD_VIA);
        int port = -1;
        if (c.trySeparator(':')) {
            port = (int) c.number(65535, Reason.BAD_VIA);
        }
        Parameters params = params(c);
        end(c, Reason.BAD_VIA);
        checkNumeric(c, params, "ttl", 255);
        checkNumeric(c, params, "rport", 65535);
        String protocol = name == PROTOCOL_NAMES[0] && version == PROTOCOL_VERSIONS[0] ? "SIP/2.0" : name + "/" + version;
        return new Via(protocol, transport, host, port, params);
    }

    /** RFC 3261 §25.1: host = hostname / IPv4address / IPv6reference; returns IPv6 without brackets. */
    static String host(Cursor c, Reason reason) {
        byte[] b = c.buf();
        int s = c.pos();
        if (c.peekIs('[')) {
            int p = s + 1;
            while (p < c.end() && (Chars.hexValue(b[p]) >= 0 || b[p] == ':' || b[p] == '.')) {
                p++;
            }
            if (p >= c.end() || b[p] != ']' || p == s + 1) {
                throw c.errorAt(reason, p);
            }
            c.pos(p + 1);
            return c.ascii(s + 1, p);
        }
        c.span(Chars.HOST);
        if (c.pos() == s) {
            throw c.error(reason);
        }
        return c.ascii(s, c.pos());
    }

    /**
     * RFC 3261 §25.1: *( SEMI generic-param ), generic-param = token [ EQUAL gen-value ],
     * gen-value = token / host / quoted-string.
     */
    static Parameters params(Cursor c) {
        if (!c.trySeparator(';')) {
            return Parameters.EMPTY;
        }
        String[] kv = new String[4];
        int n = 0;
        long quoted = 0;
        do {
            if (2 * n + 2 > kv.length) {
                kv = java.util.Arrays.copyOf(kv, kv.length * 2);
            }
            kv[2 * n] = c.token(Reason.BAD_PARAMETER, PARAM_NAMES);
            String value = null;
            if (c.trySeparator('=')) {
                if (c.peekIs('"')) {
                    if (n < 64) {
                        quoted |= 1L << n;
                    }
                    value = c.quotedString();
                } else if (c.peekIs('[')) {
                    int s = c.pos();
                    host(c, Reason.BAD_PARAMETER);
                    value = c.ascii(s, c.pos());
                } else {
                    // Lenient: RFC 5118 §4.5 — an IPv6 received value may come without brackets,
                    // so ':' is accepted inside token-like values.
                    int s = c.pos();
                    while (!c.atEnd() && (Chars.is(c.buf()[c.pos()], Chars.TOKEN) || c.peekIs(':'))) {
                        c.advance();
                    }
                    if (c.pos() == s) {
                        throw c.error(Reason.BAD_PARAMETER);
                    }
                    value = c.ascii(s, c.pos());
                }
            }
            kv[2 * n + 1] = value;
            n++;
        } while (c.trySeparator(';'));
        return Parameters.trusted(kv, n, quoted);
    }

    static void end(Cursor c, Reason reason) {
        c.skipLws();
        if (!c.atEnd()) {
            throw c.error(reason);
        }
    }

    static void checkNumeric(Cursor c, Parameters params, String name, long max) {
        String v = params.get(name).orElse(null);
        if (v == null || (v.isEmpty() && name.equals("rport"))) {
            return;
        }
        if (v.isEmpty() || v.length() > 19) {
            throw c.error(Reason.BAD_PARAMETER);
        }
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch < '0' || ch > '9') {
                throw c.error(Reason.BAD_PARAMETER);
            }
            n = n * 10 + (ch - '0');
        }
        if (n > max) {
            throw c.error(Reason.NUMBER_OUT_OF_RANGE);
        }
    }

    /** RFC 3261 §20.16: CSeq = "CSeq" HCOLON 1*DIGIT LWS Method. */
    static CSeq cseq(Cursor c) {
        c.skipLws();
        long n = c.number(CSeq.MAX, Reason.BAD_CSEQ);
        int before = c.pos();
        c.skipLws();
        if (c.pos() == before) {
            throw c.error(Reason.BAD_CSEQ);
        }
        String method = SipMethod.intern(c.token(Reason.BAD_CSEQ));
        end(c, Reason.BAD_CSEQ);
        return new CSeq(n, method);
    }

    /** RFC 3261 §25.1: callid = word [ "@" word ]. */
    static String callId(Cursor c) {
        c.skipLws();
        int s = c.pos();
        c.span(Chars.WORD);
        if (c.pos() == s) {
            throw c.error(Reason.BAD_CALL_ID);
        }
        if (c.peekIs('@')) {
            c.advance();
            int w = c.span(Chars.WORD);
            if (c.pos() == w) {
                throw c.error(Reason.BAD_CALL_ID);
            }
        }
        int e = c.pos();
        end(c, Reason.BAD_CALL_ID);
        return c.ascii(s, e);
    }

    /** A single unsigned decimal value up to {@code max} (Max-Forwards, Expires, Min-Expires). */
    static long number(Cursor c, long max) {
        c.skipLws();
        long n = c.number(max, Reason.BAD_HEADER_VALUE);
        end(c, Reason.BAD_HEADER_VALUE);
        return n;
    }
}
