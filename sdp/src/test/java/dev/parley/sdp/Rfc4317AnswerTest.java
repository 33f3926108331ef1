package dev.parley.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 4317 (and RFC 3264 §10): given the capabilities the RFC's answerer evidently has, our
 * answer to each offer means the same as the RFC's answer — same m= lines accepted or refused,
 * same formats, same directions.
 */
class Rfc4317AnswerTest {
    static final Codec PCMU = Codec.PCMU;
    static final Codec PCMA = Codec.PCMA;
    static final Codec G723 = new Codec("G723", 8000, 1, 4, null);
    static final Codec ILBC = new Codec("iLBC", 8000, 1, 97, null);
    static final Codec EVENTS = new Codec("telephone-event", 8000, 1, 101, null);
    /** RFC 3264 §10.1 spells it "telephone-events"; its answerer matches that name. */
    static final Codec EVENTS_3264 = new Codec("telephone-events", 8000, 1, 110, null);
    static final Codec H261 = new Codec("H261", 90000, 1, 31, null);
    static final Codec MPV = new Codec("MPV", 90000, 1, 32, null);

    static Arguments exchange(String offer, String answer, List<Codec> audio, List<Codec> video, Direction direction) {
        List<MediaCapability> caps = new ArrayList<>();
        if (!audio.isEmpty()) {
            caps.add(MediaCapability.of("audio", 49172, audio).withDirection(direction));
        }
        if (!video.isEmpty()) {
            caps.add(MediaCapability.of("video", 49170, video));
        }
        return Arguments.of(offer, answer, caps);
    }

    static Arguments exchange(String offer, String answer, List<Codec> audio, List<Codec> video) {
        return exchange(offer, answer, audio, video, Direction.SENDRECV);
    }

    static Stream<Arguments> exchanges() {
        String r = "rfc4317/";
        return Stream.of(
                exchange(r + "2.1-offer.sdp", r + "2.1-answer.sdp", List.of(PCMU), List.of(MPV)),
                exchange(r + "2.2-offer.sdp", r + "2.2-answer.sdp", List.of(PCMU, PCMA), List.of()),
                exchange(r + "2.2-second-offer.sdp", r + "2.2-second-answer.sdp", List.of(PCMU, PCMA), List.of()),
                exchange(r + "2.3-offer.sdp", r + "2.3-answer.sdp", List.of(ILBC), List.of(H261)),
                exchange(r + "2.4-offer.sdp", r + "2.4-answer.sdp", List.of(ILBC, EVENTS), List.of()),
                exchange(r + "2.5-offer.sdp", r + "2.5-answer.sdp", List.of(ILBC), List.of(H261)),
                exchange(r + "2.5-second-offer.sdp", r + "2.5-second-answer.sdp", List.of(ILBC), List.of(H261)),
                exchange(r + "2.6-offer.sdp", r + "2.6-answer.sdp", List.of(ILBC, EVENTS), List.of()),
                exchange(r + "2.7-offer.sdp", r + "2.7-answer.sdp", List.of(ILBC), List.of(H261, MPV)),
                exchange(r + "2.7-second-offer.sdp", r + "2.7-second-answer.sdp", List.of(ILBC), List.of(H261, MPV)),
                exchange(r + "2.8-offer.sdp", r + "2.8-answer.sdp", List.of(PCMU), List.of(MPV)),
                exchange(r + "3.1-offer.sdp", r + "3.1-answer.sdp", List.of(ILBC), List.of(), Direction.SENDONLY),
                exchange(r + "3.1-second-offer.sdp", r + "3.1-second-answer.sdp", List.of(ILBC), List.of()),
                exchange(r + "3.2-offer.sdp", r + "3.2-answer.sdp", List.of(ILBC, EVENTS), List.of()),
                exchange(r + "4.1-offer.sdp", r + "4.1-answer.sdp", List.of(ILBC), List.of()),
                exchange(r + "4.1-second-offer.sdp", r + "4.1-second-answer.sdp", List.of(ILBC, EVENTS), List.of()),
                exchange(r + "4.2-offer.sdp", r + "4.2-answer.sdp", List.of(PCMU), List.of(H261)),
                exchange(r + "4.2-second-offer.sdp", r + "4.2-second-answer.sdp", List.of(PCMU), List.of(H261)),
                exchange(r + "4.3-offer.sdp", r + "4.3-answer.sdp", List.of(ILBC), List.of(H261)),
                exchange(r + "4.3-second-offer.sdp", r + "4.3-second-answer.sdp", List.of(ILBC), List.of(H261)),
                exchange(r + "5.1-offer.sdp", r + "5.1-answer.sdp", List.of(ILBC), List.of()),
                exchange(r + "5.1-second-offer.sdp", r + "5.1-second-answer.sdp", List.of(ILBC), List.of()),
                exchange(r + "5.2-offer.sdp", r + "5.2-answer.sdp", List.of(ILBC), List.of()),
                exchange(r + "5.2-second-offer.sdp", r + "5.2-second-answer.sdp", List.of(ILBC), List.of()),
                exchange(r + "5.3-offer.sdp", r + "5.3-answer.sdp", List.of(ILBC), List.of()),
                exchange(r + "5.3-second-offer.sdp", r + "5.3-second-answer.sdp", List.of(ILBC), List.of()),
                exchange("rfc3264/10.1-offer.sdp", "rfc3264/10.1-answer.sdp", List.of(PCMU), List.of(MPV)),
                exchange("rfc3264/10.1-second-offer.sdp", "rfc3264/10.1-second-answer.sdp",
                        List.of(PCMU, EVENTS_3264), List.of(MPV)),
                exchange("rfc3264/10.2-offer.sdp", "rfc3264/10.2-answer.sdp", List.of(PCMU, G723), List.of()),
                exchange("rfc3264/10.2-second-offer.sdp", "rfc3264/10.2-second-answer.sdp",
                        List.of(PCMU, G723), List.of()));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("exchanges")
    void answer_meansWhatTheRfcAnswerMeans(String offerFile, String answerFile, List<MediaCapability> caps) {
        SessionDescription offer = SharedCorpus.parse(offerFile);
        OfferAnswer answerer = new OfferAnswer(new LocalCapabilities("bob", "1", "192.0.2.2", caps), 1);
        SessionDescription ours = answerer.answer(offer);
        assertEquals(Semantics.of(SharedCorpus.parse(answerFile)), Semantics.of(ours), ours.encode());
        assertEquals(ours, SessionDescription.parse(ours.encode()), "our answer round-trips");
    }

    /**
     * RFC 4317 §3.2's second answer is the one example that breaks RFC 3264: it lists PCMU, which
     * the re-offer does not contain (§6.1), and answers a sendonly stream without recvonly or
     * inactive (§6.1). We answer as RFC 3264 requires; this row records the difference.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rfc4317Section32")
    void rfc4317Section32SecondAnswer_knownRfcDeviation_weFollowRfc3264(String offerFile) {
        SessionDescription offer = SharedCorpus.parse(offerFile);
        OfferAnswer alice = new OfferAnswer(new LocalCapabilities("alice", "1", "192.0.2.1",
                List.of(MediaCapability.of("audio", 49170, List.of(PCMU, ILBC, EVENTS)))), 1);
        List<Semantics> ours = Semantics.of(alice.answer(offer));
        assertEquals(List.of(new Semantics("audio", true, Set.of("ilbc/8000"), Direction.RECVONLY),
                new Semantics("audio", true, Set.of("telephone-event/8000"), Direction.SENDONLY)), ours);
        List<Semantics> rfc = Semantics.of(SharedCorpus.parse("rfc4317/3.2-second-answer.sdp"));
        assertEquals(Set.of("pcmu/8000", "ilbc/8000"), rfc.get(0).formats(), "the RFC's answer as printed");
        assertEquals(Direction.SENDRECV, rfc.get(0).direction(), "the RFC's answer as printed");
    }

    static Stream<String> rfc4317Section32() {
        return Stream.of("rfc4317/3.2-second-offer.sdp");
    }
}
