package dev.parley.sip.message;

import dev.parley.sip.message.internal.ByteSink;
import dev.parley.sip.message.internal.Chars;
import dev.parley.sip.message.internal.HeaderTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles a request or response, or edits a copy of one ({@code toBuilder()}). Header fields
 * are kept in order with the names given; fields copied from a parsed message keep their
 * original bytes. {@link #build()} writes the wire form (Content-Length always matching the
 * body) and returns an immutable message. Not thread-safe; use one builder per message.
 *
 * @param <M> {@link SipRequest} or {@link SipResponse}
 */
public final class SipMessageBuilder<M extends SipMessage> {

    private record Field(String name, int id, byte[] value) {
    }

    private final boolean request;
    private final Class<M> type;
    private String method;
    private String requestUri;
    private int status;
    private String reason;
    private final List<Field> fields = new ArrayList<>();
    private byte[] body = new byte[0];

    private SipMessageBuilder(boolean request, Class<M> type) {
        this.request = request;
        this.type = type;
    }

    static SipMessageBuilder<SipRequest> request(String method, Uri uri) {
        return request(method, uri.toString());
    }

    static SipMessageBuilder<SipRequest> request(String method, String uri) {
        SipMessageBuilder<SipRequest> b = new SipMessageBuilder<>(true, SipRequest.class);
        return b.method(method).requestUri(uri);
    }

    static SipMessageBuilder<SipResponse> response(int status, String reason) {
        SipMessageBuilder<SipResponse> b = new SipMessageBuilder<>(false, SipResponse.class);
        return b.status(status, reason);
    }

    static <M extends SipMessage> SipMessageBuilder<M> copyOf(SipMessage m, SipMessageBuilder<M> b) {
        var w = m.w;
        for (int i = 0; i < w.count; i++) {
            if (w.id(i) != HeaderTable.CONTENT_LENGTH) {
                byte[] v = java.util.Arrays.copyOfRange(w.buf, w.valueStart(i), w.valueEnd(i));
                b.fields.add(new Field(m.nameOf(i), w.id(i), v));
            }
        }
        b.body = m.body();
        return b;
    }

    // ---------------------------------------------------------------- start line

    public SipMessageBuilder<M> method(String newMethod) {
        requireRequest();
        if (!Chars.isToken(newMethod)) {
            throw new IllegalArgumentException("method is not a token: " + newMethod);
        }
        method = newMethod;
        return this;
    }

    public SipMessageBuilder<M> requestUri(Uri uri) {
        return requestUri(uri.toString());
    }

    private SipMessageBuilder<M> requestUri(String uri) {
        requireRequest();
        Uri.parse(uri);
        requestUri = uri;
        return this;
    }

    public SipMessageBuilder<M> status(int code, String reasonPhrase) {
        if (request) {
            throw new IllegalStateException("a request has no status");
        }
        // RFC 3261 §7.2: Status-Code is 3DIGIT, 100 to 699.
        if (code < 100 || code > 699) {
            throw new IllegalArgumentException("status code out of range: " + code);
        }
        checkValue(reasonPhrase);
        status = code;
        reason = reasonPhrase;
        return this;
    }

    private void requireRequest() {
        if (!request) {
            throw new IllegalStateException("a response has no method or Request-URI");
        }
    }

    // ---------------------------------------------------------------- headers

    private static void checkName(String name) {
        if (!Chars.isToken(name)) {
            throw new IllegalArgumentException("header name is not a token: " + name);
        }
    }

    private static void checkValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\r' || ch == '\n') {
                throw new IllegalArgumentException("header value contains CR or LF");
            }
        }
    }

    private static Field field(String name, String value) {
        checkName(name);
        checkValue(value);
        return new Field(name, HeaderTable.idOf(name), value.trim().getBytes(StandardCharsets.UTF_8));
    }

    private boolean matches(Field f, String name) {
        int id = HeaderTable.idOf(name);
        return id == HeaderTable.UNKNOWN ? f.name.equalsIgnoreCase(name) : f.id == id;
    }

    /** Appends a header field (after any with the same name). */
    public SipMessageBuilder<M> add(String name, String value) {
        Field f = field(name, value);
        if (f.id == HeaderTable.CONTENT_LENGTH) {
            return this;
        }
        fields.add(f);
        return this;
    }

    /** Appends a field copied byte for byte from a parsed message (folds allowed, unfolded on write). */
    SipMessageBuilder<M> addRaw(String name, byte[] value) {
        fields.add(new Field(name, HeaderTable.idOf(name), value));
        return this;
    }

    /** Inserts a header field before the first one with the same name (or appends). */
    public SipMessageBuilder<M> addFirst(String name, String value) {
        Field f = field(name, value);
        for (int i = 0; i < fields.size(); i++) {
            if (matches(fields.get(i), name)) {
                fields.add(i, f);
                return this;
            }
        }
        fields.add(f);
        return this;
    }

    /** Replaces every field called {@code name} with one, at the place of the first. */
    public SipMessageBuilder<M> set(String name, String value) {
        Field f = field(name, value);
        int at = -1;
        for (int i = fields.size() - 1; i >= 0; i--) {
            if (matches(fields.get(i), name)) {
                fields.remove(i);
                at = i;
            }
        }
        fields.add(at < 0 ? fields.size() : at, f);
        return this;
    }

    /** Removes every field called {@code name} (case-insensitive, compact forms). */
    public SipMessageBuilder<M> remove(String name) {
        fields.removeIf(f -> matches(f, name));
        return this;
    }

    /** Removes the first value of the first field called {@code name} (e.g. the top Via or Route). */
    public SipMessageBuilder<M> removeFirstValue(String name) {
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (matches(f, name)) {
                int end = dev.parley.sip.message.internal.ListSplitter.firstEnd(f.value, 0, f.value.length);
                if (end >= f.value.length || !HeaderTable.isList(f.id)) {
                    fields.remove(i);
                } else {
                    String rest = new String(f.value, end + 1, f.value.length - end - 1, StandardCharsets.UTF_8).trim();
                    fields.set(i, new Field(f.name, f.id, rest.getBytes(StandardCharsets.UTF_8)));
                }
                return this;
            }
        }
        return this;
    }

    /** RFC 3261 §8.1.1.7 / §16.6: a new Via goes on top. */
    public SipMessageBuilder<M> via(Via via) {
        return addFirst(HeaderNames.VIA, via.toString());
    }

    public SipMessageBuilder<M> from(NameAddr from) {
        return set(HeaderNames.FROM, from.toString());
    }

    public SipMessageBuilder<M> to(NameAddr to) {
        return set(HeaderNames.TO, to.toString());
    }

    public SipMessageBuilder<M> callId(String callId) {
        HeaderParsers.callId(dev.parley.sip.message.internal.Cursor.of(callId));
        return set(HeaderNames.CALL_ID, callId);
    }

    public SipMessageBuilder<M> cseq(CSeq cseq) {
        return set(HeaderNames.CSEQ, cseq.toString());
    }

    public SipMessageBuilder<M> cseq(long number, String cseqMethod) {
        return cseq(new CSeq(number, cseqMethod));
    }

    /** RFC 3261 §8.1.1.6: Max-Forwards, normally 70. */
    public SipMessageBuilder<M> maxForwards(int hops) {
        if (hops < 0 || hops > 255) {
            throw new IllegalArgumentException("Max-Forwards out of range: " + hops);
        }
        return set(HeaderNames.MAX_FORWARDS, Integer.toString(hops));
    }

    public SipMessageBuilder<M> contact(Contact contact) {
        return add(HeaderNames.CONTACT, contact.toString());
    }

    public SipMessageBuilder<M> route(NameAddr route) {
        return add(HeaderNames.ROUTE, route.toString());
    }

    public SipMessageBuilder<M> recordRoute(NameAddr recordRoute) {
        return add(HeaderNames.RECORD_ROUTE, recordRoute.toString());
    }

    /** Sets the body and its Content-Type. */
    public SipMessageBuilder<M> body(String contentType, byte[] content) {
        set(HeaderNames.CONTENT_TYPE, contentType);
        body = content.clone();
        return this;
    }

    /** Removes the body and its Content-Type. */
    public SipMessageBuilder<M> noBody() {
        remove(HeaderNames.CONTENT_TYPE);
        body = new byte[0];
        return this;
    }

    // ---------------------------------------------------------------- build

    /** Writes and frames the message. Typed views are checked lazily, as for parsed messages. */
    public M build() {
        ByteSink count = ByteSink.counter();
        write(count);
        ByteSink sink = new ByteSink(new byte[count.length()]);
        write(sink);
        return type.cast(SipMessage.fromOwnBytes(sink.array()));
    }

    private void write(ByteSink out) {
        if (request) {
            out.ascii(method);
            out.write((byte) ' ');
            out.utf8(requestUri);
            out.ascii(" SIP/2.0");
        } else {
            out.ascii("SIP/2.0 ");
            out.decimal(status);
            out.write((byte) ' ');
            out.utf8(reason);
        }
        out.crlf();
        for (Field f : fields) {
            out.ascii(f.name);
            out.ascii(f.value.length == 0 ? ":" : ": ");
            out.unfolded(f.value, 0, f.value.length);
            out.crlf();
        }
        out.ascii(HeaderNames.CONTENT_LENGTH + ": ");
        out.decimal(body.length);
        out.crlf();
        out.crlf();
        out.write(body);
    }

    @Override
    public String toString() {
        return "builder of " + (request ? method + " " + requestUri : status + " " + reason);
    }
}
