package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.Codecs;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transaction.ServerTransaction;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.InMemoryNetwork;
import dev.parley.sip.transport.TransportKind;
import dev.parley.ua.fixture.Lab;
import dev.parley.ua.fixture.RawSip;
import dev.parley.sip.message.AuthHeader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Calls that time out, cannot be sent, lose their ACKs, or must authenticate. */
class CallFailureTest {

    private final Lab lab = new Lab(41, 0);

    private PhoneLine phone(String user, int port, Lab.Recorder events) {
        SoftPhone p = lab.phoneAt(port).codecs(Codecs.PCMU).listener(events).build();
        return p.addLine(LineConfig.builder(user, "parley.test").password("secret").registrationRequired(false).build());
    }

    @Test
    void calleeNeverAnswers_callEndsWithTimeoutAfterTimerB() {
        // Something is bound at the address, but every INVITE to it is lost (no 100 Trying either).
        lab.sip.filter((from, to, payload) -> to.equals(Lab.REGISTRAR) ? InMemoryNetwork.Fate.DROP : null);
        PhoneLine alice = phone("alice", 5070, new Lab.Recorder());
        Call call = alice.newCall("sip:nobody@127.0.0.1:5060");
        call.start();
        lab.time.advance(31_000);
        assertEquals(CallState.CALLING, call.state());
        lab.time.advance(2_000);
        assertEquals(new CallEnd(EndCause.TIMEOUT, 408, "Request Timeout"), call.end().orElseThrow());
    }

    @Test
    void nothingListensAtTheTarget_callEndsWithTransportError() {
        PhoneLine alice = phone("alice", 5070, new Lab.Recorder());
        Call call = alice.newCall("sip:nobody@127.0.0.1:5999");
        CompletableFuture<Call> started = call.start().toCompletableFuture();
        lab.time.advance(10);
        assertEquals(EndCause.TRANSPORT_ERROR, call.end().orElseThrow().cause());
        assertTrue(started.isCompletedExceptionally());
    }

    @Test
    void everyAckLost_uasRetransmits2xxThenGivesUpWithBye_rfc3261_13_3_1_4() {
        Lab.Recorder bobEvents = new Lab.Recorder();
        PhoneLine alice = phone("alice", 5070, new Lab.Recorder());
        PhoneLine bob = phone("bob", 5080, bobEvents);
        bob.autoAnswer(true);
        List<Long> okSent = new ArrayList<>();
        lab.sip.filter((from, to, payload) -> {
            String text = new String(payload, 0, Math.min(payload.length, 40), StandardCharsets.US_ASCII);
            if (text.startsWith("SIP/2.0 200") && text.length() > 0 && new String(payload, StandardCharsets.US_ASCII).contains("INVITE")) {
                okSent.add(lab.time.now());
            }
            return text.startsWith("ACK ") ? InMemoryNetwork.Fate.DROP : null;
        });
        Call out = alice.newCall("sip:bob@127.0.0.1:5080");
        out.start();
        assertTrue(lab.runUntil(() -> !bobEvents.incoming.isEmpty(), 5_000));
        Call in = bobEvents.incoming.get(0);
        assertTrue(lab.runUntil(() -> in.state() == CallState.ENDED, 40_000));
        assertEquals(new CallEnd(EndCause.TIMEOUT, 408, "no ACK for our 2xx"), in.end().orElseThrow());
        assertTrue(lab.runUntil(() -> out.state() == CallState.ENDED, 5_000));
        assertEquals(EndCause.REMOTE_HANGUP, out.end().orElseThrow().cause());
        // The 200 went out once, then at T1, 2T1, 4T1, then every T2 until 64*T1.
        long first = okSent.get(0);
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < okSent.size(); i++) {
            gaps.add(okSent.get(i) - okSent.get(i - 1));
        }
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 4000L), gaps.subList(0, 5), "sent at " + okSent);
        assertTrue(okSent.get(okSent.size() - 1) - first < 32_000);
    }

    /** A UAS that asks for proxy credentials (407) before it accepts an INVITE, and checks them. */
    private static final class ChallengingUas extends RawSip {
        final List<SipRequest> invites = new ArrayList<>();

        ChallengingUas(Lab lab) {
            super(lab.time, lab.sip, Endpoint.of(TransportKind.UDP, "127.0.0.1", 5999));
        }

        @Override
        public void onRequest(ServerTransaction<SipRequest, SipResponse> tx, SipRequest request) {
            if (!request.isMethod("INVITE")) {
                tx.respond(SipResponse.createFrom(request, 200, "OK", "uas"));
                return;
            }
            invites.add(request);
            if (request.header("Proxy-Authorization").isEmpty()) {
                tx.respond(SipResponse.createFrom(request, 407, "Proxy Authentication Required", "uas").toBuilder()
                        .add("Proxy-Authenticate", "Digest realm=\"proxy.test\", nonce=\"n1\", qop=\"auth\"").build());
            } else {
                tx.respond(SipResponse.createFrom(request, 486, "Busy Here", "uas"));
            }
        }
    }

    @Test
    void invite407_isRetriedOnceWithProxyAuthorization_newCSeqSameCallId() {
        ChallengingUas uas = new ChallengingUas(lab);
        PhoneLine alice = phone("alice", 5070, new Lab.Recorder());
        Call call = alice.newCall("sip:carol@127.0.0.1:5999");
        call.start();
        assertTrue(lab.runUntil(() -> call.state() == CallState.ENDED, 40_000));
        assertEquals(2, uas.invites.size());
        SipRequest retry = uas.invites.get(1);
        assertEquals(uas.invites.get(0).callId(), retry.callId());
        assertEquals(uas.invites.get(0).cseq().number() + 1, retry.cseq().number(), "RFC 3261 §22.2: new CSeq");
        AuthHeader p = AuthHeader.parse(retry.header("Proxy-Authorization").orElseThrow());
        assertEquals("proxy.test", p.realm().orElseThrow());
        assertEquals("sip:carol@127.0.0.1:5999", p.param("uri").orElseThrow());
        assertEquals("00000001", p.param("nc").orElseThrow());
        assertEquals(new CallEnd(EndCause.REMOTE_REJECTED, 486, "Busy Here"), call.end().orElseThrow());
    }

    /** A UAS that answers INVITE at once and asks for credentials (401) before it accepts a BYE. */
    private static final class ByeChallengingUas extends RawSip {
        final List<SipRequest> byes = new ArrayList<>();

        ByeChallengingUas(Lab lab) {
            super(lab.time, lab.sip, Endpoint.of(TransportKind.UDP, "127.0.0.1", 5999));
        }

        @Override
        public void onRequest(ServerTransaction<SipRequest, SipResponse> tx, SipRequest request) {
            if (request.isMethod("INVITE")) {
                byte[] offer = request.body();
                byte[] answer = new dev.parley.sdp.OfferAnswer(
                        dev.parley.sdp.LocalCapabilities.defaultAudio("9", "127.0.0.1", 40000), 1)
                        .answer(dev.parley.sdp.SessionDescription.parse(offer, 0, offer.length)).toBytes();
                tx.respond(SipResponse.createFrom(request, 200, "OK", "uas").toBuilder()
                        .add("Contact", "<sip:uas@127.0.0.1:5999>").body("application/sdp", answer).build());
                return;
            }
            byes.add(request);
            if (request.header("Authorization").isEmpty()) {
                tx.respond(SipResponse.createFrom(request, 401, "Unauthorized", null).toBuilder()
                        .add("WWW-Authenticate", "Digest realm=\"uas.test\", nonce=\"b1\", qop=\"auth\"").build());
            } else {
                tx.respond(SipResponse.createFrom(request, 200, "OK", null));
            }
        }
    }

    @Test
    void bye401_isRetriedWithCredentials_rfc3261_22_2() {
        ByeChallengingUas uas = new ByeChallengingUas(lab);
        PhoneLine alice = phone("alice", 5070, new Lab.Recorder());
        Call call = alice.newCall("sip:uas@127.0.0.1:5999");
        CompletableFuture<Call> answered = call.start().toCompletableFuture();
        assertTrue(lab.runUntil(answered::isDone, 10_000));
        call.hangUp();
        assertTrue(lab.runUntil(() -> uas.byes.size() == 2, 10_000));
        SipRequest retry = uas.byes.get(1);
        assertEquals(uas.byes.get(0).cseq().number() + 1, retry.cseq().number());
        assertEquals("uas.test", AuthHeader.parse(retry.header("Authorization").orElseThrow()).realm().orElseThrow());
        assertEquals(EndCause.LOCAL_HANGUP, call.end().orElseThrow().cause());
    }
}
