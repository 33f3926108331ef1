package dev.parley.sip.message.internal;

import dev.parley.sip.message.SipParseException;
import dev.parley.sip.message.SipParseException.Reason;
import java.nio.charset.StandardCharsets;

/**
 * A read position over a slice of a message buffer, with the lexical rules of RFC 3261 §25.1
 * (LWS, tokens, quoted strings). Errors report offsets relative to the message start.
 */
public final class Cursor {

    private final byte[] buf;
    private final int msgStart;
    private final int msgEnd;
    private final int end;
    private int pos;

    public Cursor(byte[] buf, int pos, int end, int msgStart, int msgEnd) {
        this.buf = buf;
        this.pos = pos;
        this.end = end;
        this.msgStart = msgStart;
        this.msgEnd = msgEnd;
    }

    /** A cursor over a whole string (builder arguments); offsets count from its first byte. */
    public static Cursor of(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return new Cursor(b, 0, b.length, 0, b.length);
    }

    public byte[] buf() {
        return buf;
    }

    public int pos() {
        return pos;
    }

    public void pos(int p) {
        pos = p;
    }

    public int end() {
        return end;
    }

    public boolean atEnd() {
        return pos >= end;
    }

    /** The current byte, or -1 at the end. */
    public int peek() {
        return pos < end ? buf[pos] & 0xff : -1;
    }

    public boolean peekIs(char c) {
        return pos < end && buf[pos] == c;
    }

    public void advance() {
        pos++;
    }

    /** RFC 3261 §25.1: LWS = [*WSP CRLF] 1*WSP; SWS = [LWS]. Folds were validated when framing. */
    public Cursor skipLws() {
        while (pos < end && Chars.isLws(buf[pos])) {
            pos++;
        }
        return this;
    }

    /** Consumes {@code c} surrounded by optional LWS (SEMI, COLON, SLASH, EQUAL...), or fails. */
    public void expectSeparator(char c, Reason reason) {
        skipLws();
        if (pos >= end || buf[pos] != c) {
            throw error(reason);
        }
        pos++;
        skipLws();
    }

    /** Consumes {@code c} with optional LWS around it if present; returns whether it was. */
    public boolean trySeparator(char c) {
        int save = pos;
        skipLws();
        if (pos < end && buf[pos] == c) {
            pos++;
            skipLws();
            return true;
        }
        pos = save;
        return false;
    }

    /** Consumes a run of bytes of the given class; returns its start (may be empty). */
    public int span(int charClass) {
        int s = pos;
        while (pos < end && Chars.is(buf[pos], charClass)) {
            pos++;
        }
        return s;
    }

    /** A non-empty token (§25.1), as an ASCII string. */
    public String token(Reason reason) {
        int s = span(Chars.TOKEN);
        if (s == pos) {
            throw error(reason);
        }
        return ascii(s, pos);
    }

    /**
     * A non-empty token; if it spells one of {@code known} exactly, that shared constant is
     * returned instead of a new string (saves an allocation per common name on the hot path).
     */
    public String token(Reason reason, String[] known) {
        int s = span(Chars.TOKEN);
        int n = pos - s;
        if (n == 0) {
            throw error(reason);
        }
        for (String k : known) {
            if (k.length() == n && matches(k, s)) {
                return k;
            }
        }
        return ascii(s, pos);
    }

    private boolean matches(String k, int s) {
        for (int i = 0; i < k.length(); i++) {
            if (buf[s + i] != k.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Skips a quoted-string at the current '"' without decoding it. */
    public void skipQuotedString() {
        int open = pos++;
        while (pos < end) {
            byte b = buf[pos];
            if (b == '"') {
                pos++;
                return;
            }
            pos += b == '\\' ? 2 : 1;
        }
        pos = open;
        throw error(Reason.UNCLOSED_QUOTE);
    }

    /** A run of digits as a non-negative long, failing above {@code max}. */
    public long number(long max, Reason syntax) {
        int s = pos;
        long v = 0;
        while (pos < end && Chars.isDigit(buf[pos])) {
            v = v * 10 + (buf[pos] - '0');
            pos++;
            if (v > max) {
                throw error(Reason.NUMBER_OUT_OF_RANGE);
            }
        }
        if (s == pos) {
            throw error(syntax);
        }
        return v;
    }

    /**
     * RFC 3261 §25.1: quoted-string = SWS DQUOTE *(qdtext / quoted-pair) DQUOTE, at the opening
     * quote. Returns the content with quoted-pairs resolved, decoded as UTF-8.
     */
    public String quotedString() {
        int open = pos;
        pos++;
        byte[] out = null;
        int n = 0;
        int s = pos;
        while (pos < end) {
            byte b = buf[pos];
            if (b == '"') {
                String value = out == null ? utf8(s, pos) : new String(out, 0, n, StandardCharsets.UTF_8);
                pos++;
                return value;
            }
            if (b == '\\') {
                if (pos + 1 >= end || buf[pos + 1] == '\r' || buf[pos + 1] == '\n') {
                    throw error(Reason.UNCLOSED_QUOTE);
                }
                if (out == null) {
                    out = new byte[end - s];
                    System.arraycopy(buf, s, out, 0, pos - s);
                    n = pos - s;
                }
                out[n++] = buf[pos + 1];
                pos += 2;
                continue;
            }
            // RFC 3261 §25.1: qdtext excludes control octets other than LWS.
            if ((b >= 0 && b < 0x20 && !Chars.isLws(b)) || b == 0x7f) {
                throw error(Reason.BAD_HEADER_VALUE);
            }
            if (out != null) {
                out[n++] = b;
            }
            pos++;
        }
        pos = open;
        throw error(Reason.UNCLOSED_QUOTE);
    }

    public String ascii(int s, int e) {
        return new String(buf, s, e - s, StandardCharsets.ISO_8859_1);
    }

    public String utf8(int s, int e) {
        return new String(buf, s, e - s, StandardCharsets.UTF_8);
    }

    public SipParseException error(Reason reason) {
        return SipParseException.at(reason, buf, msgStart, msgEnd, pos);
    }

    public SipParseException errorAt(Reason reason, int at) {
        return SipParseException.at(reason, buf, msgStart, msgEnd, at);
    }
}
