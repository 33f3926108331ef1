package dev.parley.sip.message;

import dev.parley.sip.message.SipParseException.Reason;
import dev.parley.sip.message.internal.MessageScanner;
import dev.parley.sip.message.internal.WireMessage;
import java.util.Arrays;

/**
 * Cuts a TCP or TLS byte stream into SIP messages (RFC 3261 §18.3): feed it chunks as they
 * arrive, of any size; it calls the {@link Listener} once per complete message. Several messages
 * in one chunk and one message spread over many chunks are both fine. CRLF keep-alives between
 * messages are recognised (RFC 5626 §3.5.1).
 *
 * <p>Content-Length is mandatory on a stream. After a {@link SipParseException} the stream can
 * no longer be framed: the framer rethrows the same error on every later call, and the caller
 * should close the connection (RFC 4475 §3.1.2.3). Memory is bounded by
 * {@link ParserLimits#maxMessageBytes()}. Not thread-safe: one framer per connection.
 */
public final class SipStreamFramer {

    /** Receives what the framer finds. */
    public interface Listener {
        void onMessage(SipMessage message);

        /** RFC 5626 §3.5.1: a double-CRLF ping; the transport should answer with a single CRLF. */
        default void onPing() {
        }
    }

    private final ParserLimits limits;
    private final Listener listener;
    private byte[] buf = new byte[1024];
    private int len;
    private int searchFrom;
    private SipParseException failure;

    public SipStreamFramer(ParserLimits limits, Listener listener) {
        this.limits = limits;
        this.listener = listener;
    }

    /** Bytes received but not yet part of a delivered message. */
    public int buffered() {
        return len;
    }

    /** Feeds {@code chunk[off, off+n)}; delivers every message completed by it. */
    public void feed(byte[] chunk, int off, int n) {
        if (failure != null) {
            throw failure;
        }
        try {
            while (n > 0) {
                int room = limits.maxMessageBytes() + 4 - len;
                if (room <= 0) {
                    throw SipParseException.at(Reason.MESSAGE_TOO_LARGE, buf, 0, len, limits.maxMessageBytes());
                }
                int take = Math.min(room, n);
                ensure(len + take);
                System.arraycopy(chunk, off, buf, len, take);
                len += take;
                off += take;
                n -= take;
                drain();
            }
        } catch (SipParseException e) {
            failure = e;
            throw e;
        }
    }

    public void feed(byte[] chunk) {
        feed(chunk, 0, chunk.length);
    }

    private void ensure(int capacity) {
        if (capacity > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(capacity, Math.min(buf.length * 2, limits.maxMessageBytes() + 4)));
        }
    }

    private void drain() {
        while (len > 0) {
            int skipped = skipKeepAlives();
            if (skipped < 0) {
                return;
            }
            if (skipped > 0) {
                consume(skipped);
                continue;
            }
            int headEnd = headerEnd();
            if (headEnd < 0) {
                if (len > limits.maxMessageBytes()) {
                    throw SipParseException.at(Reason.MESSAGE_TOO_LARGE, buf, 0, len, limits.maxMessageBytes());
                }
                return;
            }
            WireMessage head = MessageScanner.scan(buf, 0, headEnd, limits, true);
            if (head.error != null && head.error.reason() != Reason.BODY_TRUNCATED) {
                throw head.error.withSalvaged(SipMessage.wrap(head));
            }
            long total = (long) head.bodyStart + head.contentLength;
            if (total > limits.maxMessageBytes()) {
                throw SipParseException.at(Reason.MESSAGE_TOO_LARGE, buf, 0, len, headEnd);
            }
            if (total > len) {
                return;
            }
            byte[] message = Arrays.copyOf(buf, (int) total);
            consume((int) total);
            WireMessage w = MessageScanner.scan(message, 0, message.length, limits, true);
            if (w.error != null) {
                throw w.error.withSalvaged(SipMessage.wrap(w));
            }
            listener.onMessage(SipMessage.wrap(w));
        }
    }

    /**
     * Bytes of CRLF keep-alive at the buffer start: 4 for a ping (reported), 2 for a pong, 1 for
     * a stray LF; 0 if a message starts here; -1 if more bytes are needed to tell.
     */
    private int skipKeepAlives() {
        if (buf[0] == '\n') {
            return 1;
        }
        if (buf[0] != '\r') {
            return 0;
        }
        if (len < 2) {
            return -1;
        }
        if (buf[1] != '\n') {
            throw SipParseException.at(Reason.BAD_START_LINE, buf, 0, len, 0);
        }
        if (len < 3) {
            return -1;
        }
        if (buf[2] != '\r') {
            return 2;
        }
        if (len < 4) {
            return -1;
        }
        if (buf[3] == '\n') {
            listener.onPing();
            return 4;
        }
        return 2;
    }

    /** End of the header section (just past the empty line), or -1 if not yet received. */
    private int headerEnd() {
        for (int i = Math.max(searchFrom, 1); i < len; i++) {
            if (buf[i] == '\n' && (buf[i - 1] == '\n' || (buf[i - 1] == '\r' && i >= 2 && buf[i - 2] == '\n'))) {
                searchFrom = 0;
                return i + 1;
            }
        }
        searchFrom = Math.max(1, len - 2);
        return -1;
    }

    private void consume(int n) {
        System.arraycopy(buf, n, buf, 0, len - n);
        len -= n;
        searchFrom = 0;
    }
}
