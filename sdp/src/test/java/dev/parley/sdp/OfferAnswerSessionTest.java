package dev.parley.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3264 §8: re-offers, hold, o= versions and payload-type stability across a session. */
class OfferAnswerSessionTest {
    static final Codec ILBC = new Codec("iLBC", 8000, 1, 97, null);
    static final Codec H261 = new Codec("H261", 90000, 1, 31, null);

    static OfferAnswer phone(String address, int port) {
        return new OfferAnswer(LocalCapabilities.defaultAudio("9", address, port), 100);
    }

    /** Alice and Bob complete one exchange; returns Alice (the offerer). */
    static OfferAnswer[] call() {
        OfferAnswer alice = phone("192.0.2.1", 40000);
        OfferAnswer bob = phone("192.0.2.2", 50000);
        alice.acceptAnswer(bob.answer(alice.createOffer()));
        return new OfferAnswer[] {alice, bob};
    }

    @Test
    void reOfferWithoutChange_keepsTheVersion() {
        OfferAnswer alice = call()[0];
        long first = alice.localDescription().origin().sessionVersion();
        OfferAnswer bob = phone("192.0.2.2", 50000);
        SessionDescription again = alice.createOffer();
        assertEquals(first, again.origin().sessionVersion());
        alice.acceptAnswer(bob.answer(again));
    }

    @Test
    void holdAndResume_eachIncrementTheVersionOnce_andSetDirection() {
        OfferAnswer[] p = call();
        OfferAnswer alice = p[0];
        OfferAnswer bob = p[1];
        long v = alice.localDescription().origin().sessionVersion();

        alice.hold(true);
        SessionDescription held = alice.createOffer();
        assertEquals(v + 1, held.origin().sessionVersion());
        assertEquals(Direction.SENDONLY, held.media().get(0).directionAttribute());
        SessionDescription heldAnswer = bob.answer(held);
        assertEquals(Direction.RECVONLY, heldAnswer.media().get(0).directionAttribute());
        alice.acceptAnswer(heldAnswer);
        assertEquals(Direction.SENDONLY, alice.negotiated().get(0).direction());
        assertEquals(true, bob.negotiated().get(0).remoteHold());

        alice.hold(false);
        SessionDescription resumed = alice.createOffer();
        assertEquals(v + 2, resumed.origin().sessionVersion());
        assertEquals(null, resumed.media().get(0).directionAttribute());
        alice.acceptAnswer(bob.answer(resumed));
        assertEquals(Direction.SENDRECV, alice.negotiated().get(0).direction());
    }

    @Test
    void reAnswer_toUnchangedReOffer_isIdentical_andToChangedOne_bumpsVersionOnly() {
        OfferAnswer bob = phone("192.0.2.2", 50000);
        String offer = "v=0\r\no=a 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 8 0 96\r\na=rtpmap:96 telephone-event/8000\r\n";
        SessionDescription first = bob.answer(SessionDescription.parse(offer));
        SessionDescription second = bob.answer(SessionDescription.parse(offer.replace("1 1 IN", "1 2 IN")));
        assertEquals(first, second, "nothing changed, so the same answer and o= version");

        // The re-offer puts PCMU first and holds: the answer keeps PCMU at 0 and events at 96.
        SessionDescription third = bob.answer(SessionDescription.parse(
                offer.replace("1 1 IN", "1 3 IN").replace("8 0 96", "0 8 96") + "a=sendonly\r\n"));
        assertEquals(first.origin().sessionVersion() + 1, third.origin().sessionVersion());
        assertEquals(first.media().get(0).formats(), third.media().get(0).formats());
        assertEquals(Direction.RECVONLY, third.media().get(0).directionAttribute());
    }

    @Test
    void reAnswer_keepsTheCodecChosenBefore_whenStillOffered() {
        OfferAnswer bob = phone("192.0.2.2", 50000);
        String head = "v=0\r\no=a 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n";
        bob.answer(SessionDescription.parse(head + "m=audio 4000 RTP/AVP 8\r\n"));
        assertEquals("PCMA", bob.negotiated().get(0).codec().encodingName());
        SessionDescription re = bob.answer(SessionDescription.parse(head.replace("1 1", "1 2")
                + "m=audio 4000 RTP/AVP 0 8\r\n"));
        assertEquals(List.of("8"), re.media().get(0).formats(), "no codec switch on a re-offer");
    }

    @Test
    void ourReOffer_keepsTheDynamicNumbersTheSessionUses() {
        OfferAnswer bob = phone("192.0.2.2", 50000);
        bob.answer(SessionDescription.parse("v=0\r\no=a 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0 96\r\na=rtpmap:96 telephone-event/8000\r\n"));
        SessionDescription reOffer = bob.createOffer();
        // RFC 3264 §8.3.2: telephone-event stays on 96, not our usual 101.
        assertEquals(List.of("0", "8", "9", "96"), reOffer.media().get(0).formats());
    }

    @Test
    void rfc4317Section2_5_reAnswerEqualsFirstOffer_withVersionNotIncremented() {
        LocalCapabilities alice = new LocalCapabilities("alice", "2890844526", "host.atlanta.example.com",
                List.of(MediaCapability.of("audio", 49170, List.of(ILBC)), MediaCapability.of("video", 51372,
                        List.of(H261))));
        OfferAnswer oa = new OfferAnswer(alice, 2890844526L);
        SessionDescription offer = oa.createOffer();
        assertEquals(corpusText("rfc4317/2.5-offer.sdp"), withRfc4317SessionName(offer));
        oa.acceptAnswer(SharedCorpus.parse("rfc4317/2.5-answer.sdp"));
        SessionDescription reAnswer = oa.answer(SharedCorpus.parse("rfc4317/2.5-second-offer.sdp"));
        assertEquals(corpusText("rfc4317/2.5-second-answer.sdp"), withRfc4317SessionName(reAnswer));
        assertEquals("newhost.biloxi.example.com", oa.negotiated().get(0).remoteAddress());
        assertEquals(49188, oa.negotiated().get(1).remoteRtpPort());
    }

    @Test
    void answerWithRenumberedDynamicType_sendsWithThePeersNumber() {
        LocalCapabilities alice = new LocalCapabilities("alice", "1", "192.0.2.1",
                List.of(MediaCapability.of("audio", 49170, List.of(Codec.PCMU, Codec.PCMA, ILBC))));
        OfferAnswer oa = new OfferAnswer(alice, 1);
        oa.createOffer();
        SessionDescription answer = SharedCorpus.parse("rfc4317/2.3-answer.sdp").withMedia(
                List.of(SharedCorpus.parse("rfc4317/2.3-answer.sdp").media().get(0)));
        NegotiatedMedia m = oa.acceptAnswer(answer).get(0);
        assertEquals(99, m.codec().payloadType(), "RFC 4317 §2.3: Bob receives iLBC as 99");
        assertEquals(97, m.receivePayloadType(), "we receive it as we offered it");
    }

    @Test
    void answerWithOtherMediaCount_isRejected() {
        OfferAnswer alice = phone("192.0.2.1", 40000);
        alice.createOffer();
        NegotiationException e = assertThrows(NegotiationException.class,
                () -> alice.acceptAnswer(SharedCorpus.parse("rfc4317/2.1-answer.sdp")));
        assertEquals(NegotiationException.Reason.MEDIA_COUNT_MISMATCH, e.reason());
    }

    @Test
    void glare_secondOfferWhileOneIsOutstanding_is491() {
        OfferAnswer alice = phone("192.0.2.1", 40000);
        SessionDescription offer = alice.createOffer();
        NegotiationException e = assertThrows(NegotiationException.class, () -> alice.answer(offer));
        assertEquals(491, e.sipStatus());
        assertThrows(NegotiationException.class, alice::createOffer);
    }

    @Test
    void rejectedReOffer_returnsToThePreviousDescription() {
        OfferAnswer alice = call()[0];
        SessionDescription before = alice.localDescription();
        alice.hold(true);
        alice.createOffer();
        alice.rejectOffer();
        assertEquals(before, alice.localDescription());
        assertEquals(OfferAnswer.State.STABLE, alice.state());
    }

    @Test
    void reOfferDroppingAnMLine_isRejected() {
        OfferAnswer bob = phone("192.0.2.2", 50000);
        bob.answer(SharedCorpus.parse("rfc4317/2.1-offer.sdp"));
        NegotiationException e = assertThrows(NegotiationException.class,
                () -> bob.answer(SharedCorpus.parse("rfc4317/4.2-offer.sdp")));
        assertEquals(NegotiationException.Reason.MEDIA_REMOVED, e.reason());
    }

    @Test
    void builder_writesTheCommonAudioDescription() {
        SessionDescription sd = SessionDescription.audio("192.0.2.10", 40000)
                .codecs(Codec.PCMA, Codec.TELEPHONE_EVENT).direction(Direction.SENDONLY).ptime(20)
                .origin("carol", "55", 3).build();
        assertEquals("v=0\r\no=carol 55 3 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-16\r\na=ptime:20\r\na=sendonly\r\n", sd.encode());
    }

    private static String corpusText(String file) {
        return new String(SharedCorpus.bytes(file), StandardCharsets.UTF_8);
    }

    /** Our descriptions say "s=-"; RFC 4317 writes "s= ". Everything else must match byte for byte. */
    private static String withRfc4317SessionName(SessionDescription sd) {
        return sd.encode().replace("\r\ns=-\r\n", "\r\ns= \r\n");
    }
}
