package dev.parley.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One endpoint's side of the RFC 3264 offer/answer model for one session (one dialog): it
 * writes offers and answers from its {@link LocalCapabilities}, checks the peer's, and keeps the
 * {@link NegotiatedMedia} in force. Not thread-safe: the dialog that owns it serialises calls.
 *
 * <pre>
 * state       createOffer      acceptAnswer        answer          rejectOffer
 * IDLE        -> OFFER_SENT    NO_OFFER_PENDING    -> STABLE
 * OFFER_SENT  OFFER_PENDING    -> STABLE           OFFER_PENDING   -> back to before
 * STABLE      -> OFFER_SENT    NO_OFFER_PENDING    -> STABLE
 * </pre>
 */
public final class OfferAnswer {
    /** Where the exchange stands (RFC 3264 §4: one offer at a time). */
    public enum State { IDLE, OFFER_SENT, STABLE }

    private LocalCapabilities capabilities;
    private boolean onHold;
    private State state = State.IDLE;
    private final long initialVersion;
    private SessionDescription local;
    private SessionDescription remote;
    private SessionDescription beforeOffer;
    private State stateBeforeOffer;
    private List<NegotiatedMedia> negotiated = List.of();
    /** Payload numbers this session has used per format (RFC 3264 §8.3.2); bounded by the capability codecs. */
    private final Map<String, Integer> payloadTypes = new HashMap<>();

    /**
     * @param initialVersion the o= version of the first description; RFC 8866 §5.2 suggests an NTP timestamp
     */
    public OfferAnswer(LocalCapabilities capabilities, long initialVersion) {
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.initialVersion = initialVersion;
    }

    public State state() {
        return state;
    }

    /** The description this endpoint sent last, or null. */
    public SessionDescription localDescription() {
        return local;
    }

    /** The streams in force after the last completed exchange (empty before one). */
    public List<NegotiatedMedia> negotiated() {
        return negotiated;
    }

    /** Changes the capabilities used by the next offer or answer (a new port, codec list or direction). */
    public void updateCapabilities(LocalCapabilities c) {
        capabilities = Objects.requireNonNull(c, "capabilities");
    }

    /**
     * Puts the peer on hold, or takes it off: later descriptions stop sending (sendrecv becomes
     * sendonly, recvonly becomes inactive, RFC 6337 §5.3) until {@code hold(false)}.
     */
    public void hold(boolean hold) {
        onHold = hold;
    }

    /**
     * Writes an offer: the first one from the capabilities, later ones keeping every earlier m=
     * line (RFC 3264 §8).
     */
    public SessionDescription createOffer() {
        if (state == State.OFFER_SENT) {
            throw new NegotiationException(NegotiationException.Reason.OFFER_PENDING, "an offer is outstanding");
        }
        List<MediaDescription> lines = new ArrayList<>();
        if (local == null) {
            for (MediaCapability cap : capabilities.media()) {
                lines.add(offerLine(cap, cap.port()));
            }
        } else {
            for (int i = 0; i < local.media().size(); i++) {
                MediaDescription before = local.media().get(i);
                MediaCapability cap = capabilities.capabilityFor(before.media(), before.proto());
                boolean rejected = remote != null && i < remote.media().size() && remote.media().get(i).isDisabled();
                // RFC 3264 §8.2: a stream is never removed; a disabled one stays with port 0.
                boolean keep = !before.isDisabled() && !rejected && cap != null;
                lines.add(keep ? offerLine(cap, before.port()) : disabled(before));
            }
        }
        beforeOffer = local;
        stateBeforeOffer = state;
        local = stamp(lines);
        state = State.OFFER_SENT;
        return local;
    }

    /** The peer rejected our offer (for example with 488): the exchange returns to where it was. */
    public void rejectOffer() {
        if (state != State.OFFER_SENT) {
            throw new NegotiationException(NegotiationException.Reason.NO_OFFER_PENDING, "no offer to reject");
        }
        local = beforeOffer;
        state = stateBeforeOffer;
    }

    /** Takes the answer to our offer and returns the streams in force. */
    public List<NegotiatedMedia> acceptAnswer(SessionDescription answer) {
        if (state != State.OFFER_SENT) {
            throw new NegotiationException(NegotiationException.Reason.NO_OFFER_PENDING, "no offer outstanding");
        }
        // RFC 3264 §6: the answer has exactly as many m= lines as the offer, in the same order.
        if (answer.media().size() != local.media().size()) {
            throw new NegotiationException(NegotiationException.Reason.MEDIA_COUNT_MISMATCH,
                    "offer has " + local.media().size() + " m= lines, answer " + answer.media().size());
        }
        List<NegotiatedMedia> result = Negotiation.result(local, answer, true);
        if (result.isEmpty() && hasActive(local) && hasActive(answer)) {
            throw new NegotiationException(NegotiationException.Reason.NO_COMMON_CODEC,
                    "the answer accepts no offered codec");
        }
        complete(answer, result);
        return result;
    }

    /**
     * Answers a peer's offer or re-offer (RFC 3264 §6): one m= line per offered line, in order;
     * a stream this endpoint cannot take is answered with port 0.
     *
     * @throws NegotiationException NO_COMMON_CODEC (the UA sends 488) when no offered stream is usable
     */
    public SessionDescription answer(SessionDescription offer) {
        if (state == State.OFFER_SENT) {
            throw new NegotiationException(NegotiationException.Reason.OFFER_PENDING,
                    "glare: our offer is outstanding");
        }
        // RFC 3264 §8: a re-offer keeps every m= line of the session in place.
        if (remote != null && offer.media().size() < remote.media().size()) {
            throw new NegotiationException(NegotiationException.Reason.MEDIA_REMOVED,
                    "re-offer has " + offer.media().size() + " m= lines, the session " + remote.media().size());
        }
        List<MediaDescription> lines = new ArrayList<>(offer.media().size());
        Map<MediaCapability, Integer> streamsPerCapability = new HashMap<>();
        for (int i = 0; i < offer.media().size(); i++) {
            lines.add(answerLine(offer, i, streamsPerCapability));
        }
        boolean offeredActive = hasActive(offer);
        boolean accepted = false;
        for (MediaDescription m : lines) {
            accepted |= !m.isDisabled();
        }
        if (offeredActive && !accepted) {
            throw new NegotiationException(NegotiationException.Reason.NO_COMMON_CODEC,
                    "no offered stream shares a codec and transport with " + capabilities.media());
        }
        SessionDescription answer = stamp(lines);
        local = answer;
        complete(offer, Negotiation.result(answer, offer, false));
        return answer;
    }

    private MediaDescription answerLine(SessionDescription offer, int i, Map<MediaCapability, Integer> streams) {
        MediaDescription om = offer.media().get(i);
        MediaCapability cap = capabilities.capabilityFor(om.media(), om.proto());
        if (om.isDisabled() || cap == null) {
            return MediaLines.rejected(om);
        }
        List<Codec> common = MediaLines.common(om, cap, previousCodec(i), cap.answerOneCodec());
        if (common.isEmpty()) {
            return MediaLines.rejected(om);
        }
        int k = streams.merge(cap, 1, Integer::sum) - 1;
        int port = cap.port() + 2 * k;
        if (local != null && i < local.media().size() && !local.media().get(i).isDisabled()) {
            port = local.media().get(i).port(); // keep the port a stream already uses
        }
        // RFC 3264 §8.4: c=0.0.0.0 only means "send nothing to me"; it does not change the answer's
        // direction (RFC 4317 §5.2 answers such an offer normally). NegotiatedMedia stops sending.
        Direction offered = offer.directionOf(om);
        // RFC 3264 §6.1: sendonly is answered recvonly or inactive, recvonly sendonly or inactive,
        // inactive inactive; sendrecv whatever this endpoint wants.
        Direction answered = offered.reversed().intersect(localDirection(cap));
        boolean mux = cap.rtcpMux() && om.attribute(Attribute.RtcpMux.class) != null;
        return MediaLines.active(cap, port, common, answered, mux);
    }

    private MediaDescription offerLine(MediaCapability cap, int port) {
        List<Codec> codecs = MediaLines.numbered(cap.codecs(), c -> payloadTypes.get(key(c)));
        return MediaLines.active(cap, port, codecs, localDirection(cap), cap.rtcpMux());
    }

    private static MediaDescription disabled(MediaDescription before) {
        return before.isDisabled() ? before : MediaLines.rejected(before);
    }

    private Direction localDirection(MediaCapability cap) {
        return onHold ? cap.direction().intersect(Direction.SENDONLY) : cap.direction();
    }

    private Codec previousCodec(int index) {
        for (NegotiatedMedia m : negotiated) {
            if (m.mLineIndex() == index) {
                return m.codec();
            }
        }
        return null;
    }

    /**
     * Wraps media lines in a session and sets the o= version: RFC 3264 §8 increments it exactly
     * when the description differs from the one sent before, and keeps it otherwise.
     */
    private SessionDescription stamp(List<MediaDescription> lines) {
        long version = local == null ? initialVersion : local.origin().sessionVersion();
        Origin origin = new Origin(capabilities.username(), capabilities.sessionId(), version,
                Connection.internet(capabilities.address()));
        SessionDescription draft = SessionDescription.of(origin, "-", Connection.internet(capabilities.address()),
                List.of(), lines);
        if (local != null && !draft.sameContentAs(local)) {
            draft = draft.withOrigin(origin.withSessionVersion(version + 1));
        }
        return draft;
    }

    private void complete(SessionDescription peer, List<NegotiatedMedia> result) {
        remote = peer;
        negotiated = List.copyOf(result);
        state = State.STABLE;
        for (NegotiatedMedia m : result) {
            remember(m.codec(), m.receivePayloadType());
            if (m.receiveTelephoneEventPayloadType() >= 0) {
                remember(Codec.TELEPHONE_EVENT, m.receiveTelephoneEventPayloadType());
            }
        }
    }

    private void remember(Codec format, int pt) {
        // Only formats this endpoint can use are kept, so the map stays as small as the capabilities.
        for (MediaCapability cap : capabilities.media()) {
            for (Codec c : cap.codecs()) {
                if (c.sameFormat(format)) {
                    payloadTypes.put(key(c), pt);
                    return;
                }
            }
        }
    }

    private static String key(Codec c) {
        return c.encodingName().toLowerCase(Locale.ROOT) + "/" + c.clockRate() + "/" + c.channels();
    }

    private static boolean hasActive(SessionDescription sd) {
        for (MediaDescription m : sd.media()) {
            if (!m.isDisabled()) {
                return true;
            }
        }
        return false;
    }
}
