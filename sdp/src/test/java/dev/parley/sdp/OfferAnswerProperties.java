package dev.parley.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** RFC 3264 invariants over random offers and random capabilities. */
class OfferAnswerProperties {
    /** Formats a phone might have: static and dynamic, audio and video. */
    static final List<Codec> POOL = List.of(Codec.PCMU, Codec.PCMA, Codec.G722, new Codec("GSM", 8000, 1, 3, null),
            new Codec("iLBC", 8000, 1, 97, "mode=30"), new Codec("opus", 48000, 2, 111, null),
            new Codec("telephone-event", 8000, 1, 101, "0-15"), new Codec("H264", 90000, 1, 99, null),
            new Codec("G729", 8000, 1, 18, null));

    record Offer(SessionDescription sd) {
    }

    @Provide
    Arbitrary<List<Codec>> codecLists() {
        return Arbitraries.of(POOL).list().ofMinSize(1).ofMaxSize(6).uniqueElements()
                .map(OfferAnswerProperties::renumber);
    }

    /** Gives dynamic formats random numbers 96..127, as different peers do. */
    static List<Codec> renumber(List<Codec> codecs) {
        List<Codec> out = new ArrayList<>();
        int next = 96 + (codecs.hashCode() & 15);
        for (Codec c : codecs) {
            out.add(c.payloadType() >= 96 ? c.withPayloadType(next++) : c);
        }
        return out;
    }

    @Provide
    Arbitrary<SessionDescription> offers() {
        Arbitrary<MediaDescription> line = Combinators.combine(Arbitraries.of("audio", "video"),
                Arbitraries.integers().between(0, 65_000).map(p -> p < 3000 ? 0 : p), codecLists(),
                Arbitraries.of(Direction.class))
                .as((media, port, codecs, dir) -> {
                    List<String> formats = new ArrayList<>();
                    List<Attribute> attrs = new ArrayList<>();
                    for (Codec c : codecs) {
                        formats.add(String.valueOf(c.payloadType()));
                        attrs.add(c.rtpmap());
                    }
                    attrs.add(dir);
                    return MediaDescription.of(media, port, "RTP/AVP", formats, attrs);
                });
        return line.list().ofMinSize(1).ofMaxSize(4).map(m -> SessionDescription.of(
                new Origin("peer", "1", 1, Connection.internet("192.0.2.9")), "-", Connection.internet("192.0.2.9"),
                List.of(), m));
    }

    static LocalCapabilities capabilities(List<Codec> audio, List<Codec> video, boolean oneCodec) {
        List<MediaCapability> caps = new ArrayList<>();
        caps.add(new MediaCapability("audio", "RTP/AVP", 40000, audio, Direction.SENDRECV, 0, false, oneCodec));
        caps.add(new MediaCapability("video", "RTP/AVP", 42000, video, Direction.SENDRECV, 0, false, oneCodec));
        return new LocalCapabilities("-", "7", "192.0.2.1", caps);
    }

    @Property(tries = 400)
    void answer_neverContainsACodecTheOfferLacks_andKeepsLineCountAndOrder(
            @ForAll("offers") SessionDescription offer, @ForAll("codecLists") List<Codec> audio,
            @ForAll("codecLists") List<Codec> video, @ForAll boolean oneCodec) {
        SessionDescription answer;
        try {
            answer = new OfferAnswer(capabilities(audio, video, oneCodec), 1).answer(offer);
        } catch (NegotiationException e) {
            assertEquals(NegotiationException.Reason.NO_COMMON_CODEC, e.reason());
            return;
        }
        assertEquals(offer.media().size(), answer.media().size(), "RFC 3264 §6: one answer line per offer line");
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription o = offer.media().get(i);
            MediaDescription a = answer.media().get(i);
            assertEquals(o.media(), a.media(), "same order");
            if (o.isDisabled()) {
                assertTrue(a.isDisabled(), "a disabled stream stays disabled");
            }
            if (a.isDisabled()) {
                continue;
            }
            for (String f : a.formats()) {
                Attribute.Rtpmap r = a.rtpmap(f);
                assertNotNull(r);
                // The same format under the same number in the offer.
                assertEquals(r, o.rtpmap(f), "answer format " + f + " not offered as such");
            }
        }
    }

    @Property(tries = 400)
    void negotiation_isSymmetric_bothSidesChooseTheSameCodec(@ForAll("codecLists") List<Codec> aliceAudio,
            @ForAll("codecLists") List<Codec> bobAudio, @ForAll boolean bobOneCodec,
            @ForAll("directions") Direction aliceDir) {
        LocalCapabilities aliceCaps = new LocalCapabilities("alice", "1", "192.0.2.1", List.of(
                new MediaCapability("audio", "RTP/AVP", 40000, aliceAudio, aliceDir, 20, false, true)));
        OfferAnswer alice = new OfferAnswer(aliceCaps, 1);
        OfferAnswer bob = new OfferAnswer(capabilities(bobAudio, bobAudio, bobOneCodec), 1);
        SessionDescription answer;
        try {
            answer = bob.answer(alice.createOffer());
        } catch (NegotiationException e) {
            assertTrue(aliceAudio.stream().noneMatch(a -> bobAudio.stream().anyMatch(a::sameFormat)),
                    "488 although a codec is common");
            return;
        }
        List<NegotiatedMedia> a = alice.acceptAnswer(answer);
        List<NegotiatedMedia> b = bob.negotiated();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            NegotiatedMedia x = a.get(i);
            NegotiatedMedia y = b.get(i);
            assertTrue(x.codec().sameFormat(y.codec()), x.codec() + " vs " + y.codec());
            assertEquals(x.codec().payloadType(), y.receivePayloadType(), "alice sends what bob expects");
            assertEquals(y.codec().payloadType(), x.receivePayloadType(), "bob sends what alice expects");
            assertEquals(x.telephoneEventPayloadType(), y.receiveTelephoneEventPayloadType());
            assertEquals(x.sends(), y.receives());
            assertEquals(x.receives(), y.sends());
            assertEquals(40000, y.remoteRtpPort());
            assertEquals("192.0.2.1", y.remoteAddress());
        }
    }

    @Provide
    Arbitrary<Direction> directions() {
        return Arbitraries.of(Direction.class);
    }
}
