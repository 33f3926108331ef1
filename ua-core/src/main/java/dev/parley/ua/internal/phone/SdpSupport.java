package dev.parley.ua.internal.phone;

import dev.parley.codecs.AudioCodec;
import dev.parley.codecs.Codecs;
import dev.parley.sdp.Codec;
import dev.parley.sdp.Direction;
import dev.parley.sdp.LocalCapabilities;
import dev.parley.sdp.MediaCapability;
import dev.parley.sdp.NegotiatedMedia;
import dev.parley.sdp.OfferAnswer;
import dev.parley.sdp.SdpParseException;
import dev.parley.sdp.SessionDescription;
import dev.parley.sip.message.SipMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Glue between a call and module {@code sdp}: our capabilities, SDP bodies, the codec to use. */
final class SdpSupport {

    static final String CONTENT_TYPE = "application/sdp";

    private SdpSupport() {
    }

    /** Offer/answer for one call (its capabilities kept in {@code call.capabilities}): our codecs in preference order plus telephone-event, 20 ms, rtcp-mux. */
    static OfferAnswer offerAnswer(CallImpl call, int rtpPort) {
        PhoneCore core = call.core;
        List<Codec> codecs = new ArrayList<>();
        for (AudioCodec c : core.settings().codecs()) {
            codecs.add(new Codec(c.encodingName(), c.rtpClockRate(), 1, c.staticPayloadType() >= 0 ? c.staticPayloadType()
                    : 96 + codecs.size(), null));
        }
        if (core.settings().telephoneEvent()) {
            codecs.add(Codec.TELEPHONE_EVENT);
        }
        MediaCapability audio = new MediaCapability("audio", "RTP/AVP", rtpPort, codecs, Direction.SENDRECV,
                CallMedia.PTIME_MILLIS, true, true);
        String sessionId = Long.toUnsignedString(core.settings().random().nextLong() >>> 2);
        LocalCapabilities caps = new LocalCapabilities("parley", sessionId, core.localHost(), List.of(audio));
        call.capabilities = caps;
        return new OfferAnswer(caps, core.scheduler().now() / 1000 + 1);
    }

    /** The SDP body of a message, if it has one (Content-Type application/sdp). */
    static Optional<SessionDescription> body(SipMessage m) {
        if (m.bodyLength() == 0) {
            return Optional.empty();
        }
        String type = m.contentType().orElse(CONTENT_TYPE).toLowerCase(Locale.ROOT);
        if (!type.startsWith(CONTENT_TYPE)) {
            return Optional.empty();
        }
        byte[] bytes = m.body();
        try {
            return Optional.of(SessionDescription.parse(bytes, 0, bytes.length));
        } catch (SdpParseException e) {
            return Optional.empty();
        }
    }

    /** The first active audio stream with a codec Parley can run, if any. */
    static Optional<NegotiatedMedia> audio(List<NegotiatedMedia> streams) {
        for (NegotiatedMedia m : streams) {
            if (m.media().equals("audio") && codecOf(m).isPresent()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    static Optional<AudioCodec> codecOf(NegotiatedMedia m) {
        return Codecs.byName(m.codec().encodingName());
    }

    /** Starts or updates the call's media from the negotiated streams; false when no audio stream can run. */
    static boolean apply(CallImpl call, List<NegotiatedMedia> streams) {
        Optional<NegotiatedMedia> audio = audio(streams);
        if (audio.isEmpty()) {
            return false;
        }
        call.media().configure(audio.get(), codecOf(audio.get()).orElseThrow());
        return true;
    }
}
