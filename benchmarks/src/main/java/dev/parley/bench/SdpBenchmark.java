package dev.parley.bench;

import dev.parley.bench.sdp.SdpFixtures;
import dev.parley.sdp.LocalCapabilities;
import dev.parley.sdp.OfferAnswer;
import dev.parley.sdp.SessionDescription;
import java.util.concurrent.TimeUnit;
import javax.sdp.SdpException;
import javax.sdp.SdpFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SDP throughput, Parley beside JAIN-SIP's {@code javax.sdp} in the same run. One operation is
 * one typical audio offer ({@link SdpFixtures#TYPICAL_OFFER}, 15 lines): Parley parses the bytes
 * of a SIP body, JAIN-SIP parses the String its API takes. {@code parleyNegotiate} is what a UA
 * does with an incoming INVITE: parse the offer, answer it, encode the answer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SdpBenchmark {
    private byte[] offer;
    private String offerText;
    private SdpFactory jainSip;
    private LocalCapabilities phone;

    @Setup
    public void setUp() {
        offer = SdpFixtures.TYPICAL_OFFER_BYTES;
        offerText = SdpFixtures.TYPICAL_OFFER;
        jainSip = SdpFactory.getInstance();
        phone = LocalCapabilities.defaultAudio("4711", "192.0.2.20", 40000);
    }

    @Benchmark
    public SessionDescription parleyParseOffer() {
        return SessionDescription.parse(offer, 0, offer.length);
    }

    /**
     * The parse types attributes on first use: this is the parse plus reading every attribute,
     * i.e. the full cost when a UA looks at all of them (what {@code parleyNegotiate} does).
     */
    @Benchmark
    public int parleyParseAndTypeOffer() {
        return SdpFixtures.parseAndTypeEveryAttribute(offer);
    }

    @Benchmark
    public javax.sdp.SessionDescription jainSipParseOffer() throws SdpException {
        return jainSip.createSessionDescription(offerText);
    }

    @Benchmark
    public byte[] parleyNegotiate() {
        SessionDescription remote = SessionDescription.parse(offer, 0, offer.length);
        return new OfferAnswer(phone, 1).answer(remote).toBytes();
    }
}
