package dev.parley.sip.transaction;

import dev.parley.sip.message.CSeq;
import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.ParserLimits;
import dev.parley.sip.message.SipMessage;
import dev.parley.sip.message.SipParser;
import dev.parley.sip.message.SipMessageBuilder;
import dev.parley.sip.message.SipMethod;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.Via;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * {@link MessageOps} over the message model of {@code sip-message}. Messages must have passed
 * {@code validate()} (the {@link TransactionStack} sees to it), so the typed views do not throw.
 */
public final class SipMessageOps implements MessageOps<SipRequest, SipResponse> {

    private final RandomGenerator random;
    private final SipParser parser;
    // One-entry memories of wire bytes at hand, so that retaining a message right after it was
    // received or sent costs no second serialization (loop thread only, like the whole stack).
    private SipRequest receivedRequest;
    private byte[] receivedWire;
    private SipResponse sentResponse;
    private byte[] sentWire;

    /** @param random source of To tags for the responses the layer makes itself (100, 481, 503...) */
    public SipMessageOps(RandomGenerator random) {
        this(random, ParserLimits.DEFAULT);
    }

    /**
     * @param random source of To tags for the responses the layer makes itself (100, 481, 503...)
     * @param limits the limits the messages were parsed with, to rebuild retained ones
     */
    public SipMessageOps(RandomGenerator random, ParserLimits limits) {
        this.random = Objects.requireNonNull(random);
        this.parser = new SipParser(limits);
    }

    @Override
    public MatchFields requestFields(SipRequest r) {
        Via v = r.topVia();
        CSeq c = r.cseq();
        if (v.hasMagicCookie()) {
            // RFC 3261 §17.2.3: branch, sent-by and method suffice; From and To are not parsed.
            return new MatchFields(r.method(), v.branch().orElse(null), sentBy(v), null, c.number(), c.method(),
                    null, null, null, null);
        }
        return new MatchFields(r.method(), v.branch().orElse(null), sentBy(v), v.toString(), c.number(), c.method(),
                r.callId(), r.from().tag().orElse(null), r.to().tag().orElse(null), r.requestUriText());
    }

    @Override
    public MatchFields responseFields(SipResponse r) {
        Via v = r.topVia();
        CSeq c = r.cseq();
        // The To tag is read only for RFC 2543 ACK matching (a response of ours to a cookie-less request).
        String toTag = v.hasMagicCookie() ? null : r.to().tag().orElse(null);
        return new MatchFields(c.method(), v.branch().orElse(null), sentBy(v), null, c.number(), c.method(),
                null, null, toTag, null);
    }

    /** RFC 3261 §17.2.3: sent-by compared with the host case-insensitively. */
    static String sentBy(Via v) {
        String host = v.host().toLowerCase(Locale.ROOT);
        return v.port() >= 0 ? host + ":" + v.port() : host;
    }

    @Override
    public int statusCode(SipResponse response) {
        return response.statusCode();
    }

    @Override
    public SipRequest ackFor(SipRequest invite, SipResponse response) {
        // RFC 3261 §17.1.1.3: Request-URI, Call-ID, From and the top Via only of the INVITE; To of
        // the response; CSeq number of the INVITE with method ACK; the INVITE's Route set.
        SipMessageBuilder<SipRequest> b = SipRequest.builder(SipMethod.ACK, invite.requestUri())
                .via(invite.topVia())
                .maxForwards(70)
                .from(invite.from())
                .to(response.to())
                .callId(invite.callId())
                .cseq(invite.cseq().number(), SipMethod.ACK);
        for (NameAddr route : invite.routes()) {
            b.route(route);
        }
        return b.build();
    }

    @Override
    public SipResponse responseFor(SipRequest request, int statusCode, String reasonPhrase) {
        // RFC 3261 §8.2.6.2: a final response (and any but 100) carries a To tag of the UAS.
        String tag = statusCode == 100 ? null : newTag();
        return SipResponse.createFrom(request, statusCode, reasonPhrase, tag);
    }

    /** A random token for a tag (RFC 3261 §19.3: at least 32 bits of randomness). */
    public String newTag() {
        return Long.toHexString(random.nextLong() | 0x1000_0000_0000_0000L);
    }

    /** A branch with the magic cookie and 64 random bits (RFC 3261 §8.1.1.7). */
    public String newBranch() {
        return MatchFields.MAGIC_COOKIE + Long.toHexString(random.nextLong() | 0x1000_0000_0000_0000L);
    }

    /**
     * Keeps only the wire bytes: a parsed message also holds its header index and every typed view
     * that {@code validate()} and matching decoded (URIs, name-addrs, Vias: about 2 KiB for an
     * INVITE with SDP), which a loaded UAS would otherwise hold for 64*T1 per transaction.
     */
    @Override
    public Object retainRequest(SipRequest request) {
        return request == receivedRequest ? receivedWire : request.toBytes();
    }

    /** Parses the retained bytes again: a new message, equal on the wire, with no cached views. */
    @Override
    public SipRequest restoreRequest(Object retained) {
        return (SipRequest) reparse((byte[]) retained);
    }

    @Override
    public Object retainResponse(SipResponse response) {
        return response == sentResponse ? sentWire : response.toBytes();
    }

    /**
     * {@code datagram} holds exactly the bytes {@code request} was parsed from (nothing rewritten):
     * if the request is retained, the datagram is kept as it is instead of serializing a copy.
     * One entry, replaced by the next request; the datagram must not be modified afterwards.
     */
    void receivedFrom(SipRequest request, byte[] datagram) {
        receivedRequest = request;
        receivedWire = datagram;
    }

    /** Serializes a response to send, remembering the bytes for {@link #retainResponse} (one entry). */
    byte[] encodeForSending(SipResponse response) {
        byte[] wire = response.toBytes();
        sentResponse = response;
        sentWire = wire;
        return wire;
    }

    @Override
    public SipResponse restoreResponse(Object retained) {
        return (SipResponse) reparse((byte[]) retained);
    }

    private SipMessage reparse(byte[] wire) {
        // Bytes this library wrote from a message that passed validate(): they parse again.
        return parser.parse(wire, 0, wire.length);
    }
}
