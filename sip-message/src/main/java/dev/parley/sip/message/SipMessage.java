package dev.parley.sip.message;

import dev.parley.sip.message.SipParseException.Reason;
import dev.parley.sip.message.internal.ByteSink;
import dev.parley.sip.message.internal.Cursor;
import dev.parley.sip.message.internal.HeaderTable;
import dev.parley.sip.message.internal.ListSplitter;
import dev.parley.sip.message.internal.WireMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An immutable SIP message (RFC 3261 §7): a {@link SipRequest} or a {@link SipResponse}.
 *
 * <p>A parsed message is a view over the bytes it was parsed from: header fields are located
 * when parsing, but their values are decoded only when asked for, then cached. Header fields
 * keep their wire order and original names; lookups ignore case and accept compact forms.
 * Typed views throw {@link SipParseException} if the value is malformed; {@link #validate()}
 * checks every header the transaction layer relies on at once.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public abstract sealed class SipMessage permits SipRequest, SipResponse {

    final WireMessage w;
    private Via topVia;
    private List<Via> vias;
    private CSeq cseq;
    private String callId;
    private NameAddr from;
    private NameAddr to;
    /** Made when a view the transaction layer does not need is first asked for. */
    private LazyViews lazy;

    SipMessage(WireMessage w) {
        this.w = w;
    }

    static SipMessage wrap(WireMessage w) {
        return w.request ? new SipRequest(w) : new SipResponse(w);
    }

    /** Creates a message from wire bytes this library wrote (known to be well framed). */
    static SipMessage fromOwnBytes(byte[] bytes) {
        WireMessage m = dev.parley.sip.message.internal.MessageScanner.scan(bytes, 0, bytes.length,
                new ParserLimits(Math.max(bytes.length, 64), bytes.length / 4 + 2, Math.max(bytes.length, 32)), false);
        if (m.error != null) {
            throw m.error;
        }
        return wrap(m);
    }

    /** The SIP-Version of the start line as received, e.g. {@code SIP/2.0}. */
    public abstract String version();

    // ---------------------------------------------------------------- generic header access

    /** Number of header fields (lines, not list elements). */
    public int headerCount() {
        return w.count;
    }

    /** All header fields in wire order. */
    public List<SipHeader> headers() {
        List<SipHeader> out = new ArrayList<>(w.count);
        for (int i = 0; i < w.count; i++) {
            out.add(new SipHeader(nameOf(i), valueOf(i)));
        }
        return out;
    }

    String nameOf(int i) {
        return HeaderFields.name(w, i);
    }

    String valueOf(int i) {
        return HeaderFields.value(w, i);
    }

    private int[] indexesOf(String name) {
        return HeaderFields.indexesOf(w, name);
    }

    public boolean hasHeader(String name) {
        return indexesOf(name).length > 0;
    }

    /** The value of the first header field called {@code name}, unfolded and not split. */
    public Optional<String> header(String name) {
        int[] idx = indexesOf(name);
        return idx.length == 0 ? Optional.empty() : Optional.of(valueOf(idx[0]));
    }

    /** The values of every header field called {@code name}, in order, each line whole. */
    public List<String> headerLines(String name) {
        List<String> out = new ArrayList<>();
        for (int i : indexesOf(name)) {
            out.add(valueOf(i));
        }
        return out;
    }

    /**
     * All values of {@code name} in order. Headers whose grammar is a comma-separated list
     * (Via, Contact, Route, Allow, Supported...) are split on top-level commas (§7.3.1); others
     * (Authorization, WWW-Authenticate, Date...) are returned one value per line.
     */
    public List<String> headerValues(String name) {
        return HeaderFields.values(w, name);
    }

    // ---------------------------------------------------------------- typed views

    private Cursor cursor(int s, int e) {
        return HeaderFields.cursor(w, s, e);
    }

    int required(int id) {
        int i = w.find(id, 0);
        if (i < 0) {
            throw SipParseException.at(Reason.MISSING_HEADER, w.buf, w.start, w.end(), w.bodyStart)
                    .withSalvaged(this);
        }
        return i;
    }

    /** The topmost Via value (RFC 3261 §8.2.6, §17.1.3); parses only that one. */
    public Via topVia() {
        Via v = topVia;
        if (v == null) {
            int i = required(HeaderTable.VIA);
            int s = w.valueStart(i);
            v = HeaderParsers.via(cursor(s, ListSplitter.firstEnd(w.buf, s, w.valueEnd(i))));
            topVia = v;
        }
        return v;
    }

    /** Every Via value, top first. */
    public List<Via> vias() {
        List<Via> v = vias;
        if (v == null) {
            List<Via> out = new ArrayList<>(4);
            HeaderFields.forEachElement(w, HeaderTable.VIA, Reason.BAD_VIA, (s, e) -> out.add(HeaderParsers.via(cursor(s, e))));
            required(HeaderTable.VIA);
            v = List.copyOf(out);
            vias = v;
        }
        return v;
    }

    public CSeq cseq() {
        CSeq c = cseq;
        if (c == null) {
            int i = required(HeaderTable.CSEQ);
            c = HeaderParsers.cseq(cursor(w.valueStart(i), w.valueEnd(i)));
            cseq = c;
        }
        return c;
    }

    public String callId() {
        String c = callId;
        if (c == null) {
            int i = required(HeaderTable.CALL_ID);
            c = HeaderParsers.callId(cursor(w.valueStart(i), w.valueEnd(i)));
            callId = c;
        }
        return c;
    }

    public NameAddr from() {
        NameAddr f = from;
        if (f == null) {
            int i = required(HeaderTable.FROM);
            f = NameAddrParser.nameAddr(cursor(w.valueStart(i), w.valueEnd(i)), false);
            from = f;
        }
        return f;
    }

    /**
     * The From tag (RFC 3261 §19.3) without decoding the address: the hot path of transaction
     * and dialog matching. Equal to {@code from().tag()} whenever {@link #from()} succeeds.
     */
    public Optional<String> fromTag() {
        NameAddr f = from;
        if (f != null) {
            return f.tag();
        }
        int i = required(HeaderTable.FROM);
        return Optional.ofNullable(NameAddrParser.tag(cursor(w.valueStart(i), w.valueEnd(i))));
    }

    /** The To tag, read like {@link #fromTag()}; empty outside a dialog. */
    public Optional<String> toTag() {
        NameAddr t = to;
        if (t != null) {
            return t.tag();
        }
        int i = required(HeaderTable.TO);
        return Optional.ofNullable(NameAddrParser.tag(cursor(w.valueStart(i), w.valueEnd(i))));
    }

    public NameAddr to() {
        NameAddr t = to;
        if (t == null) {
            int i = required(HeaderTable.TO);
            t = NameAddrParser.nameAddr(cursor(w.valueStart(i), w.valueEnd(i)), false);
            to = t;
        }
        return t;
    }

    private LazyViews lazy() {
        LazyViews l = lazy;
        if (l == null) {
            l = new LazyViews(w);
            lazy = l;
        }
        return l;
    }

    /** RFC 3261 §20.22: Max-Forwards, 0 to 255. */
    public OptionalInt maxForwards() {
        return lazy().maxForwards();
    }

    /** Every Contact value in order (RFC 3261 §20.10). */
    public List<Contact> contacts() {
        return lazy().contacts();
    }

    /** Every Route value in order (RFC 3261 §20.34). */
    public List<NameAddr> routes() {
        return lazy().routes();
    }

    /** Every Record-Route value in order (RFC 3261 §20.30). */
    public List<NameAddr> recordRoutes() {
        return lazy().recordRoutes();
    }

    /** RFC 3261 §20.19: Expires in seconds (32-bit). */
    public OptionalLong expires() {
        return lazy().expires();
    }

    /** RFC 3261 §20.23: Min-Expires in seconds. */
    public OptionalLong minExpires() {
        return lazy().minExpires();
    }

    private <T> Optional<T> single(String name, java.util.function.Function<Cursor, T> parser) {
        int[] idx = indexesOf(name);
        return idx.length == 0 ? Optional.empty()
                : Optional.of(parser.apply(cursor(w.valueStart(idx[0]), w.valueEnd(idx[0]))));
    }

    /** RFC 3261 §20.15: the Content-Type as a media type. */
    public Optional<MediaType> mediaType() {
        return single(HeaderNames.CONTENT_TYPE, ExtensionHeaderParsers::mediaType);
    }

    /** RFC 6665 §8.2.1: the Event header. */
    public Optional<EventHeader> event() {
        return single(HeaderNames.EVENT, ExtensionHeaderParsers::event);
    }

    /** RFC 6665 §8.2.3: the Subscription-State header. */
    public Optional<SubscriptionState> subscriptionState() {
        return single(HeaderNames.SUBSCRIPTION_STATE, ExtensionHeaderParsers::subscriptionState);
    }

    /** RFC 3515 §2.1: the Refer-To address (its URI may carry an escaped Replaces header). */
    public Optional<NameAddr> referTo() {
        return single(HeaderNames.REFER_TO, c -> NameAddrParser.nameAddr(c, false));
    }

    /** RFC 3892 §3: the Referred-By address. */
    public Optional<NameAddr> referredBy() {
        return single(HeaderNames.REFERRED_BY, c -> NameAddrParser.nameAddr(c, false));
    }

    /** RFC 3891 §6.1: the Replaces header. */
    public Optional<Replaces> replaces() {
        return single(HeaderNames.REPLACES, ExtensionHeaderParsers::replaces);
    }

    /**
     * Every challenge or credential in the header fields called {@code name} (WWW-Authenticate,
     * Proxy-Authenticate, Authorization, Proxy-Authorization), one per field line.
     */
    public List<AuthHeader> authHeaders(String name) {
        List<AuthHeader> out = new ArrayList<>(1);
        for (int i : indexesOf(name)) {
            out.add(ExtensionHeaderParsers.auth(cursor(w.valueStart(i), w.valueEnd(i))));
        }
        return out;
    }

    /** The Content-Type value (media type with parameters), if present. */
    public Optional<String> contentType() {
        return header(HeaderNames.CONTENT_TYPE);
    }

    /**
     * Option tags or methods of a token-list header such as Allow, Supported, Require,
     * Proxy-Require or Unsupported (RFC 3261 §20.5, §20.37, §20.32, §20.29, §20.40).
     */
    public List<String> tokens(String headerName) {
        return HeaderFields.tokens(headerValues(headerName));
    }

    // ---------------------------------------------------------------- body

    /** RFC 3261 §20.14: the Content-Length header value, if the message had one. */
    public OptionalInt contentLength() {
        return w.contentLength < 0 ? OptionalInt.empty() : OptionalInt.of(w.contentLength);
    }

    /** The body length in bytes (Content-Length, or what the datagram carried). */
    public int bodyLength() {
        return w.bodyEnd - w.bodyStart;
    }

    /** A copy of the body. */
    public byte[] body() {
        return Arrays.copyOfRange(w.buf, w.bodyStart, w.bodyEnd);
    }

    /** The body decoded as UTF-8 (SDP, sipfrag and other text bodies). */
    public String bodyAsString() {
        return new String(w.buf, w.bodyStart, w.bodyEnd - w.bodyStart, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- checks

    /**
     * Checks the rules every element relies on: SIP/2.0, exactly one From, To, Call-ID, CSeq
     * and at most one Max-Forwards, each well formed; at least one Via, all well formed; and for
     * requests a CSeq method equal to the request method. Returns this message.
     *
     * @throws SipParseException with the message attached as {@link SipParseException#salvaged()}
     */
    public SipMessage validate() {
        try {
            MessageValidation.check(this);
        } catch (SipParseException e) {
            throw e.salvaged().isPresent() ? e : e.withSalvaged(this);
        }
        return this;
    }

    abstract void validateStartLine();

    // ---------------------------------------------------------------- serialization

    /** Wire bytes with long header names and CRLF line ends (RFC 3261 §7). */
    public byte[] toBytes() {
        return toBytes(HeaderForm.LONG);
    }

    /**
     * Wire bytes: the start line with single spaces, each header field as {@code Name: value}
     * with its value bytes unchanged (folds become one space), a Content-Length that matches
     * the body, an empty line, then the body.
     */
    public byte[] toBytes(HeaderForm form) {
        return MessageEncoding.toBytes(this, form);
    }

    /** The number of bytes {@link #toBytes(HeaderForm)} produces. */
    public int encodedLength(HeaderForm form) {
        return MessageEncoding.encodedLength(this, form);
    }

    /**
     * Writes the wire bytes into {@code dst} from {@code offset}, without an intermediate copy.
     *
     * @return the number of bytes written
     * @throws IndexOutOfBoundsException if they do not fit (nothing is written then)
     */
    public int encodeTo(byte[] dst, int offset, HeaderForm form) {
        return MessageEncoding.encodeTo(this, dst, offset, form);
    }

    /** Writes the wire bytes at the buffer's position and advances it; fails if there is not room. */
    public void writeTo(ByteBuffer dst, HeaderForm form) {
        MessageEncoding.writeTo(this, dst, form);
    }

    abstract void writeStartLine(ByteSink out);

    /** The message as text (for logs and debugging); bodies are shown as UTF-8. */
    @Override
    public String toString() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }
}
