package dev.parley.sip.message.internal;

import dev.parley.sip.message.ParserLimits;
import dev.parley.sip.message.SipParseException;
import dev.parley.sip.message.SipParseException.Reason;

/**
 * Frames one message in a buffer: start line, header lines, body (RFC 3261 §7). One pass over
 * the bytes, linear in the input, no copy; the result indexes the caller's buffer.
 *
 * <p>Errors in the start line throw. Errors after it are stored in {@link WireMessage#error}
 * with the headers framed so far, so that the caller can salvage them for a 400 response.
 */
public final class MessageScanner {

    private MessageScanner() {
    }

    /**
     * Frames the message in {@code buf[off, off+len)}.
     *
     * @param stream true on a stream transport: Content-Length is then mandatory (§18.3) and the
     *               caller has already cut {@code len} to the message
     */
    public static WireMessage scan(byte[] buf, int off, int len, ParserLimits limits, boolean stream) {
        int end = off + len;
        if (len > limits.maxMessageBytes()) {
            throw SipParseException.at(Reason.MESSAGE_TOO_LARGE, buf, off, end, off + limits.maxMessageBytes());
        }
        int p = off;
        // Lenient: RFC 3261 §7.5 — CRLFs before the start line are ignored.
        while (p < end && (buf[p] == '\r' || buf[p] == '\n')) {
            p++;
        }
        if (p == end) {
            throw SipParseException.at(Reason.EMPTY_MESSAGE, buf, off, end, p);
        }
        int start = p;
        int lf = lineEnd(buf, p, end, limits.maxLineBytes(), start);
        int contentEnd = lf > p && buf[lf - 1] == '\r' ? lf - 1 : lf;
        WireMessage m = StartLine.parse(buf, start, contentEnd, end);
        p = lf < end ? lf + 1 : end;
        try {
            p = headers(m, p, end, limits);
        } catch (SipParseException e) {
            m.error = e;
            m.bodyStart = m.bodyEnd = p;
            return m;
        }
        m.bodyStart = p;
        if (m.contentLength < 0) {
            if (stream) {
                m.error = SipParseException.at(Reason.MISSING_CONTENT_LENGTH, buf, start, end, p);
                m.bodyEnd = p;
                return m;
            }
            // RFC 3261 §18.3: without Content-Length over UDP, the body runs to the end of the datagram.
            m.bodyEnd = end;
        } else if (m.contentLength > end - p) {
            // RFC 3261 §18.3: a datagram with fewer body bytes than Content-Length is discarded.
            m.error = SipParseException.at(Reason.BODY_TRUNCATED, buf, start, end, end);
            m.bodyEnd = p;
        } else {
            // RFC 3261 §18.3: octets beyond Content-Length in a datagram are ignored.
            m.bodyEnd = p + m.contentLength;
        }
        return m;
    }

    /** Position of the LF that ends the line at {@code p}, or {@code end} if there is none. */
    private static int lineEnd(byte[] buf, int p, int end, int maxLine, int start) {
        int limit = Math.min(end, p + maxLine + 2);
        for (int i = p; i < limit; i++) {
            byte b = buf[i];
            if (b == '\n') {
                return i;
            }
            // RFC 3261 §7: CR appears only as part of CRLF in the start line and header section.
            if (b == '\r' && i + 1 < end && buf[i + 1] != '\n') {
                throw SipParseException.at(Reason.BAD_HEADER_LINE, buf, start, end, i);
            }
        }
        if (limit < end) {
            throw SipParseException.at(Reason.LINE_TOO_LONG, buf, start, end, p);
        }
        return end;
    }

    /** Frames header lines from {@code p}; returns the first body byte. */
    private static int headers(WireMessage m, int p, int end, ParserLimits limits) {
        byte[] buf = m.buf;
        int start = m.start;
        while (true) {
            if (p >= end) {
                // Lenient: a datagram may end without the empty line after its headers (RFC 4475 baddn).
                return end;
            }
            byte b = buf[p];
            if (b == '\n') {
                return p + 1;
            }
            if (b == '\r') {
                if (p + 1 < end && buf[p + 1] == '\n') {
                    return p + 2;
                }
                if (p + 1 == end) {
                    return end;
                }
                throw SipParseException.at(Reason.BAD_HEADER_LINE, buf, start, end, p);
            }
            int lf = lineEnd(buf, p, end, limits.maxLineBytes(), start);
            int e = trimEnd(buf, p, lf);
            if (b == ' ' || b == '\t') {
                // RFC 3261 §7.3.1: a line starting with whitespace continues the previous field.
                if (m.count == 0) {
                    throw SipParseException.at(Reason.BAD_HEADER_LINE, buf, start, end, p);
                }
                int cs = trimStartWsp(buf, p, e);
                if (cs < e) {
                    if (e - m.nameStart(m.count - 1) > limits.maxLineBytes()) {
                        throw SipParseException.at(Reason.LINE_TOO_LONG, buf, start, end, p);
                    }
                    m.extendValue(cs, e);
                }
            } else {
                int nameEnd = p;
                while (nameEnd < e && Chars.is(buf[nameEnd], Chars.TOKEN)) {
                    nameEnd++;
                }
                // RFC 3261 §7.3.1: header-name HCOLON value, HCOLON = *(SP / HTAB) ":" SWS.
                int colon = trimStartWsp(buf, nameEnd, e);
                if (nameEnd == p || colon >= e || buf[colon] != ':') {
                    throw SipParseException.at(Reason.BAD_HEADER_LINE, buf, start, end, nameEnd);
                }
                if (m.count == limits.maxHeaders()) {
                    throw SipParseException.at(Reason.TOO_MANY_HEADERS, buf, start, end, p);
                }
                int vs = trimStartWsp(buf, colon + 1, e);
                int id = HeaderTable.idOf(buf, p, nameEnd);
                m.add(p, nameEnd, id, vs, e);
                if (id == HeaderTable.CONTENT_LENGTH) {
                    contentLength(m, vs, e, end);
                }
            }
            p = lf < end ? lf + 1 : end;
        }
    }

    /** RFC 3261 §20.14: Content-Length = ( "Content-Length" / "l" ) HCOLON 1*DIGIT. */
    private static void contentLength(WireMessage m, int s, int e, int end) {
        byte[] buf = m.buf;
        long v = 0;
        if (s == e) {
            throw SipParseException.at(Reason.BAD_CONTENT_LENGTH, buf, m.start, end, s);
        }
        for (int i = s; i < e; i++) {
            if (!Chars.isDigit(buf[i])) {
                throw SipParseException.at(Reason.BAD_CONTENT_LENGTH, buf, m.start, end, i);
            }
            v = v * 10 + (buf[i] - '0');
            if (v > Integer.MAX_VALUE) {
                throw SipParseException.at(Reason.BAD_CONTENT_LENGTH, buf, m.start, end, s);
            }
        }
        if (m.contentLength >= 0 && m.contentLength != v) {
            throw SipParseException.at(Reason.CONFLICTING_CONTENT_LENGTH, buf, m.start, end, s);
        }
        m.contentLength = (int) v;
    }

    static int trimEnd(byte[] buf, int s, int e) {
        while (e > s && (buf[e - 1] == '\r' || buf[e - 1] == ' ' || buf[e - 1] == '\t')) {
            e--;
        }
        return e;
    }

    static int trimStartWsp(byte[] buf, int s, int e) {
        while (s < e && (buf[s] == ' ' || buf[s] == '\t')) {
            s++;
        }
        return s;
    }
}
