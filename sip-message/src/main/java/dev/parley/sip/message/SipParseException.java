package dev.parley.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The only exception the SIP parser and the typed header views throw: unchecked, created without
 * a stack trace so that a flood of garbage stays cheap.
 *
 * <p>It carries the byte offset (from the first byte of the message), the 1-based line, a
 * {@link Reason} and a short excerpt of the input. When the start line and the header section
 * could be framed, {@link #salvaged()} gives the message as far as it went, so that a server can
 * still answer 400 from its Via, From, To, Call-ID and CSeq (RFC 3261 §16.3, RFC 4475 §3.1.2).
 *
 * <p>Like a parsed message, the error reads the input array: {@link #line()}, {@link #excerpt()},
 * {@link #getMessage()} and the salvaged message must be used before that array is reused.
 */
public final class SipParseException extends RuntimeException {

    /** Why a message was rejected. */
    public enum Reason {
        EMPTY_MESSAGE("no start line"),
        MESSAGE_TOO_LARGE("message larger than the configured limit"),
        LINE_TOO_LONG("line longer than the configured limit"),
        TOO_MANY_HEADERS("more header fields than the configured limit"),
        BAD_START_LINE("start line is neither a Request-Line nor a Status-Line"),
        BAD_METHOD("method is not a token"),
        BAD_REQUEST_URI("Request-URI is malformed"),
        BAD_VERSION("SIP-Version is malformed"),
        UNSUPPORTED_VERSION("SIP-Version is not SIP/2.0"),
        BAD_STATUS_CODE("status code is not three digits"),
        BAD_HEADER_LINE("header line has no name and colon"),
        HEADERS_NOT_TERMINATED("header section does not end with an empty line"),
        BAD_CONTENT_LENGTH("Content-Length is not a non-negative integer"),
        CONFLICTING_CONTENT_LENGTH("several Content-Length values disagree"),
        MISSING_CONTENT_LENGTH("Content-Length is required on a stream transport"),
        BODY_TRUNCATED("fewer body bytes than Content-Length says"),
        MISSING_HEADER("a mandatory header field is missing"),
        DUPLICATE_HEADER("a single-valued header field appears more than once"),
        METHOD_MISMATCH("CSeq method differs from the request method"),
        BAD_URI("URI is malformed"),
        BAD_VIA("Via value is malformed"),
        BAD_CSEQ("CSeq value is malformed"),
        BAD_CALL_ID("Call-ID value is malformed"),
        BAD_NAME_ADDR("name-addr or addr-spec is malformed"),
        BAD_PARAMETER("parameter is malformed or empty"),
        UNCLOSED_QUOTE("quoted string is not closed"),
        NUMBER_OUT_OF_RANGE("number is out of its allowed range"),
        BAD_HEADER_VALUE("header value does not match its grammar");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        /** A sentence a human understands, suitable for a 400 reason phrase. */
        public String description() {
            return description;
        }
    }

    private static final int EXCERPT = 40;

    private final Reason reason;
    private final transient byte[] buf;
    private final int start;
    private final int end;
    private final int pos;
    private final transient SipMessage salvaged;
    private int line;
    private String excerpt;

    private SipParseException(Reason reason, byte[] buf, int start, int end, int pos, SipMessage salvaged) {
        super(null, null, false, false);
        this.reason = reason;
        this.buf = buf;
        this.start = start;
        this.end = end;
        this.pos = pos;
        this.salvaged = salvaged;
    }

    /**
     * Creates the error for the byte at {@code at} of a message that starts at {@code start}.
     * Only the position is recorded here; the line number and excerpt are computed when asked
     * for, so that rejecting a flood of garbage costs one small object per packet.
     */
    public static SipParseException at(Reason reason, byte[] buf, int start, int end, int at) {
        return new SipParseException(reason, buf, start, end, Math.max(start, Math.min(at, end)), null);
    }

    /** Creates an error about a value that did not come from a buffer (a builder argument). */
    public static SipParseException of(Reason reason, String input, int at) {
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        return at(reason, bytes, 0, bytes.length, at);
    }

    /** The same error, with the message as far as it could be framed attached. */
    public SipParseException withSalvaged(SipMessage message) {
        return new SipParseException(reason, buf, start, end, pos, message);
    }

    /** Built on demand: a flood of bad packets should not pay for messages nobody reads. */
    @Override
    public String getMessage() {
        String ex = excerpt();
        return reason.description() + " at line " + line() + ", offset " + offset()
                + (ex.isEmpty() ? "" : ": '" + ex + "'");
    }

    /** Why the input was rejected. */
    public Reason reason() {
        return reason;
    }

    /** Offset of the offending byte from the first byte of the message. */
    public int offset() {
        return pos - start;
    }

    /** 1-based line of the offending byte. */
    public int line() {
        if (line == 0) {
            int n = 1;
            for (int i = start; i < pos; i++) {
                if (buf[i] == '\n') {
                    n++;
                }
            }
            line = n;
        }
        return line;
    }

    /** Up to 40 printable characters around the offending byte (others shown as '?'). */
    public String excerpt() {
        if (excerpt == null) {
            int lineStart = pos;
            while (lineStart > start && buf[lineStart - 1] != '\n') {
                lineStart--;
            }
            int excerptEnd = pos;
            while (excerptEnd < end && excerptEnd - pos < EXCERPT && buf[excerptEnd] != '\r' && buf[excerptEnd] != '\n') {
                excerptEnd++;
            }
            int excerptStart = Math.max(lineStart, pos - EXCERPT / 2);
            StringBuilder sb = new StringBuilder(excerptEnd - excerptStart);
            for (int i = excerptStart; i < excerptEnd; i++) {
                int c = buf[i] & 0xff;
                sb.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
            }
            excerpt = sb.toString();
        }
        return excerpt;
    }

    /**
     * The start line and the header fields framed before the error (no body), when the start line
     * was readable: enough for {@link SipResponse#createFrom} to answer 400 with the reason.
     */
    public Optional<SipMessage> salvaged() {
        return Optional.ofNullable(salvaged);
    }
}
