package dev.parley.sip.message;

import dev.parley.sip.message.internal.MessageScanner;
import dev.parley.sip.message.internal.WireMessage;

/**
 * Parses one SIP message per datagram (RFC 3261 §7, §18.3). Stateless and thread-safe.
 *
 * <p>Zero-copy: the returned message reads the caller's array, which must not be modified
 * afterwards (hand each datagram its own array). Only framing is done here; header values are
 * decoded on first use. Call {@link SipMessage#validate()} before acting on a message.
 */
public final class SipParser {

    private final ParserLimits limits;

    public SipParser() {
        this(ParserLimits.DEFAULT);
    }

    public SipParser(ParserLimits limits) {
        this.limits = limits;
    }

    public ParserLimits limits() {
        return limits;
    }

    /**
     * Parses the datagram {@code buf[off, off+len)}. The body is what Content-Length says (bytes
     * beyond are ignored) or, without Content-Length, the rest of the datagram.
     *
     * @throws SipParseException if the message cannot be framed; when its start line was read,
     *         {@link SipParseException#salvaged()} holds the headers framed before the error
     */
    public SipMessage parse(byte[] buf, int off, int len) {
        if (off < 0 || len < 0 || off > buf.length - len) {
            throw new IndexOutOfBoundsException("bad range " + off + "+" + len + " of " + buf.length);
        }
        WireMessage w = MessageScanner.scan(buf, off, len, limits, false);
        if (w.error != null) {
            throw w.error.withSalvaged(SipMessage.wrap(w));
        }
        return SipMessage.wrap(w);
    }

    /** Parses a whole array as one datagram. */
    public SipMessage parse(byte[] datagram) {
        return parse(datagram, 0, datagram.length);
    }

    /** Parses and {@link SipMessage#validate() validates} a datagram in one call. */
    public SipMessage parseValid(byte[] buf, int off, int len) {
        return parse(buf, off, len).validate();
    }
}
