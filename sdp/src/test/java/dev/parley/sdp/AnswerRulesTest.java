package dev.parley.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 3264 §6 and §6.1: how an offer is answered, rule by rule. */
class AnswerRulesTest {
    static final String HEAD = "v=0\r\no=peer 1 1 IN IP4 192.0.2.9\r\ns=-\r\nc=IN IP4 192.0.2.9\r\nt=0 0\r\n";

    static OfferAnswer phone() {
        return new OfferAnswer(LocalCapabilities.defaultAudio("42", "192.0.2.1", 40000), 7);
    }

    static SessionDescription offer(String media) {
        return SessionDescription.parse(HEAD + media);
    }

    static SessionDescription ozekiOffer() throws IOException {
        try (InputStream in = AnswerRulesTest.class.getResourceAsStream("ozeki-audio-video-offer.sdp")) {
            byte[] b = in.readAllBytes();
            return SessionDescription.parse(b, 0, b.length);
        }
    }

    @Test
    void ozekiAudioVideoOffer_answersOneAudioCodecWithEventsAndRejectsVideoWithPortZero() throws IOException {
        OfferAnswer phone = phone();
        SessionDescription answer = phone.answer(ozekiOffer());
        assertEquals("v=0\r\n"
                + "o=- 42 7 IN IP4 192.0.2.1\r\n"
                + "s=-\r\n"
                + "c=IN IP4 192.0.2.1\r\n"
                + "t=0 0\r\n"
                + "m=audio 40000 RTP/AVP 0 101\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-16\r\n"
                + "a=ptime:20\r\n"
                + "m=video 0 RTP/AVP 34\r\n"
                + "a=rtpmap:34 H263/90000\r\n", answer.encode());
        NegotiatedMedia audio = phone.negotiated().get(0);
        assertEquals(1, phone.negotiated().size(), "video is not negotiated");
        assertEquals(new NegotiatedMedia(0, "audio", new Codec("PCMU", 8000, 1, 0, null), 0, 101, 101,
                "192.168.1.20", 8000, "192.168.1.20", 8001, 20, Direction.SENDRECV, false, false), audio);
    }

    @Test
    void noCommonCodec_failsWith488() {
        NegotiationException e = assertThrows(NegotiationException.class,
                () -> phone().answer(offer("m=audio 4000 RTP/AVP 3 18\r\n")));
        assertEquals(NegotiationException.Reason.NO_COMMON_CODEC, e.reason());
        assertEquals(488, e.sipStatus());
    }

    @Test
    void videoOnlyOffer_toAudioPhone_failsWith488() {
        NegotiationException e = assertThrows(NegotiationException.class,
                () -> phone().answer(offer("m=video 4000 RTP/AVP 31\r\n")));
        assertEquals(NegotiationException.Reason.NO_COMMON_CODEC, e.reason());
    }

    @Test
    void unknownTransport_isRejectedWithPortZero_otherStreamAccepted() {
        SessionDescription answer = phone().answer(offer("m=audio 4000 RTP/SAVP 0\r\nm=audio 4002 RTP/AVP 0\r\n"));
        assertEquals(0, answer.media().get(0).port());
        assertEquals("RTP/SAVP", answer.media().get(0).proto());
        assertEquals(40000, answer.media().get(1).port());
    }

    @Test
    void staticPayloadTypeWithoutRtpmap_isUnderstood() {
        OfferAnswer phone = phone();
        SessionDescription answer = phone.answer(offer("m=audio 4000 RTP/AVP 8\r\n"));
        assertEquals(List.of("8"), answer.media().get(0).formats());
        assertEquals("PCMA", phone.negotiated().get(0).codec().encodingName());
    }

    @Test
    void dynamicPayloadType_isMatchedByNameAndKeptAsOffered() {
        OfferAnswer phone = phone();
        SessionDescription answer = phone.answer(offer(
                "m=audio 4000 RTP/AVP 0 96\r\na=rtpmap:96 TELEPHONE-EVENT/8000\r\n"));
        assertEquals(List.of("0", "96"), answer.media().get(0).formats());
        assertEquals(96, phone.negotiated().get(0).telephoneEventPayloadType());
        assertEquals(96, phone.negotiated().get(0).receiveTelephoneEventPayloadType());
    }

    @Test
    void sameNameWithOtherClockRateOrChannels_doesNotMatch() {
        NegotiationException e = assertThrows(NegotiationException.class, () -> phone().answer(offer(
                "m=audio 4000 RTP/AVP 96 97\r\na=rtpmap:96 G722/16000\r\na=rtpmap:97 PCMU/8000/2\r\n")));
        assertEquals(NegotiationException.Reason.NO_COMMON_CODEC, e.reason());
    }

    @ParameterizedTest(name = "offer {0} -> answer {1}")
    @CsvSource({"sendrecv, SENDRECV", "sendonly, RECVONLY", "recvonly, SENDONLY", "inactive, INACTIVE"})
    void answerDirection_followsRfc3264Section6_1(String offered, Direction expected) {
        SessionDescription answer = phone().answer(offer("m=audio 4000 RTP/AVP 0\r\na=" + offered + "\r\n"));
        assertEquals(expected, answer.directionOf(answer.media().get(0)));
    }

    @Test
    void sessionLevelDirection_appliesToTheOfferedStream() {
        SessionDescription o = SessionDescription.parse(HEAD + "a=sendonly\r\nm=audio 4000 RTP/AVP 0\r\n");
        SessionDescription answer = phone().answer(o);
        assertEquals(Direction.RECVONLY, answer.media().get(0).directionAttribute());
    }

    @Test
    void rfc2543HoldAddress_answeredNormally_butNothingIsSent() {
        OfferAnswer phone = phone();
        SessionDescription o = SessionDescription.parse(
                "v=0\r\no=peer 1 1 IN IP4 192.0.2.9\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n");
        SessionDescription answer = phone.answer(o);
        assertEquals(Direction.SENDRECV, answer.directionOf(answer.media().get(0)));
        NegotiatedMedia m = phone.negotiated().get(0);
        assertFalse(m.sends(), "RFC 3264 §8.4: send neither RTP nor RTCP to 0.0.0.0");
        assertTrue(m.receives());
        assertTrue(m.remoteHold());
    }

    @Test
    void localCapabilityDirection_limitsTheAnswer() {
        LocalCapabilities caps = LocalCapabilities.defaultAudio("1", "192.0.2.1", 40000);
        caps = caps.withMedia(List.of(caps.media().get(0).withDirection(Direction.RECVONLY)));
        SessionDescription answer = new OfferAnswer(caps, 1).answer(offer("m=audio 4000 RTP/AVP 0\r\n"));
        assertEquals(Direction.RECVONLY, answer.media().get(0).directionAttribute());
    }

    @Test
    void twoAudioStreams_getDistinctPorts() {
        SessionDescription answer = phone().answer(offer("m=audio 4000 RTP/AVP 0\r\nm=audio 4002 RTP/AVP 8\r\n"));
        assertEquals(40000, answer.media().get(0).port());
        assertEquals(40002, answer.media().get(1).port());
    }

    @Test
    void rtcpPort_fromRtcpAttribute_orNextPort_orRtpPortWithMux() {
        MediaCapability mux = new MediaCapability("audio", "RTP/AVP", 40000, List.of(Codec.PCMU), Direction.SENDRECV,
                0, true, true);
        OfferAnswer a = new OfferAnswer(new LocalCapabilities("-", "1", "192.0.2.1", List.of(mux)), 1);
        SessionDescription answer = a.answer(offer("m=audio 4000 RTP/AVP 0\r\na=rtcp-mux\r\n"));
        assertTrue(answer.media().get(0).attributes().contains(new Attribute.RtcpMux()));
        assertEquals(4000, a.negotiated().get(0).remoteRtcpPort());
        assertTrue(a.negotiated().get(0).rtcpMux());

        OfferAnswer b = phone();
        b.answer(offer("m=audio 4000 RTP/AVP 0\r\na=rtcp:5001 IN IP4 192.0.2.77\r\n"));
        assertEquals(5001, b.negotiated().get(0).remoteRtcpPort());
        assertEquals("192.0.2.77", b.negotiated().get(0).remoteRtcpAddress());

        OfferAnswer c = phone();
        c.answer(offer("m=audio 4000 RTP/AVP 0\r\na=rtcp-mux\r\n"));
        assertFalse(c.negotiated().get(0).rtcpMux(), "we did not enable rtcp-mux");
        assertEquals(4001, c.negotiated().get(0).remoteRtcpPort());
    }

    @Test
    void ptime_isThePeersWish() {
        OfferAnswer phone = phone();
        phone.answer(offer("m=audio 4000 RTP/AVP 0\r\na=ptime:30\r\n"));
        assertEquals(30, phone.negotiated().get(0).ptime());
    }

    @Test
    void offerWithoutMedia_isAnsweredWithoutMedia() {
        SessionDescription answer = phone().answer(SessionDescription.parse(HEAD));
        assertTrue(answer.media().isEmpty());
    }
}
