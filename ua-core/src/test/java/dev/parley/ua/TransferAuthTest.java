package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.Codecs;
import dev.parley.sdp.LocalCapabilities;
import dev.parley.sdp.OfferAnswer;
import dev.parley.sip.message.AuthHeader;
import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.transaction.ServerTransaction;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import dev.parley.ua.fixture.Lab;
import dev.parley.ua.fixture.RawSip;
import dev.parley.ua.internal.auth.DigestAlgorithm;
import dev.parley.ua.internal.auth.DigestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transferee's NOTIFY goes through the in-dialog digest retry (RFC 3261 §22.2) like BYE: a
 * transferor that challenges the first NOTIFY gets it again with valid credentials and a new CSeq.
 */
class TransferAuthTest {

    private static final Endpoint PHONE = Endpoint.of(TransportKind.UDP, "127.0.0.1", 5080);
    private static final Endpoint RAW = Endpoint.of(TransportKind.UDP, "127.0.0.1", 5999);

    /** A transferor that challenges every NOTIFY without credentials and keeps what it received. */
    private static final class ChallengingPeer extends RawSip {
        final List<SipRequest> notifies = new ArrayList<>();

        ChallengingPeer(Lab lab) {
            super(lab.time, lab.sip, RAW);
        }

        @Override
        public void onRequest(ServerTransaction<SipRequest, SipResponse> tx, SipRequest request) {
            if (request.isMethod("NOTIFY")) {
                notifies.add(request);
                if (!request.hasHeader("Authorization")) {
                    tx.respond(SipResponse.createFrom(request, 401, "Unauthorized", "raw").toBuilder()
                            .add("WWW-Authenticate", "Digest realm=\"parley.test\", nonce=\"n1\", qop=\"auth\", algorithm=MD5")
                            .build());
                    return;
                }
            }
            super.onRequest(tx, request);
        }
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void challengedNotify_isResentWithCredentials(double loss) {
        Lab lab = new Lab(81, loss);
        Lab.Recorder events = new Lab.Recorder();
        SoftPhone phone = SoftPhone.builder().inMemory(lab.sip, lab.media, lab.time).sipAddress("127.0.0.1", 5080)
                .random(new SplittableRandom(8)).codecs(Codecs.PCMU).listener(events).build();
        phone.addLine(LineConfig.builder("bob", "parley.test").password("bob-pw").registrationRequired(false).build())
                .autoAnswer(true);
        ChallengingPeer peer = new ChallengingPeer(lab);
        OfferAnswer oa = new OfferAnswer(LocalCapabilities.defaultAudio("9", "127.0.0.1", 40000), 1);
        SipRequest invite = SipRequest.builder("INVITE", SipUri.of("bob", "127.0.0.1", 5080))
                .via(peer.stack.newVia(TransportKind.UDP)).maxForwards(70)
                .from(NameAddr.of(SipUri.of("alice", "127.0.0.1", 5999)).withTag("a1"))
                .to(NameAddr.of(SipUri.of("bob", "127.0.0.1", 5080)))
                .callId("auth-transfer@127.0.0.1").cseq(1, "INVITE").add("Contact", "<sip:alice@127.0.0.1:5999>")
                .body("application/sdp", oa.createOffer().toBytes()).build();
        peer.send(invite, PHONE);
        assertTrue(lab.runUntil(() -> !peer.responses.isEmpty(), 40_000));
        SipResponse ok = peer.responses.get(0);
        peer.stack.layer().sendAck(SipRequest.builder("ACK", ok.contacts().get(0).address().uri())
                .via(peer.stack.newVia(TransportKind.UDP)).maxForwards(70).from(invite.from()).to(ok.to())
                .callId(invite.callId()).cseq(1, "ACK").build(), PHONE);
        lab.time.advance(200);

        // Refer bob to an address where nobody answers: only the NOTIFYs matter here.
        peer.send(SipRequest.builder("REFER", ok.contacts().get(0).address().uri())
                .via(peer.stack.newVia(TransportKind.UDP)).maxForwards(70).from(invite.from()).to(ok.to())
                .callId(invite.callId()).cseq(2, "REFER").add("Refer-To", "<sip:nobody@127.0.0.1:5555>").build(), PHONE);
        assertTrue(lab.runUntil(() -> peer.notifies.stream().anyMatch(n -> n.hasHeader("Authorization")), 40_000),
                "the challenged NOTIFY comes again with credentials");

        SipRequest first = peer.notifies.get(0);
        SipRequest again = peer.notifies.stream().filter(n -> n.hasHeader("Authorization")).findFirst().orElseThrow();
        assertFalse(first.hasHeader("Authorization"));
        assertEquals(first.cseq().number() + 1, again.cseq().number(), "RFC 3261 §22.2: a new request, next CSeq");
        assertEquals("SIP/2.0 100 Trying\r\n", again.bodyAsString());
        assertEquals("refer;id=2", again.header("Event").orElseThrow());
        AuthHeader a = AuthHeader.parse(again.header("Authorization").orElseThrow());
        String expected = new DigestResponse(DigestAlgorithm.MD5, "bob", "parley.test", "bob-pw", "NOTIFY",
                a.param("uri").orElseThrow(), "n1", "auth", Long.parseLong(a.param("nc").orElseThrow(), 16),
                a.param("cnonce").orElseThrow()).compute();
        assertEquals(expected, a.param("response").orElseThrow(), "a valid digest for NOTIFY");
    }
}
