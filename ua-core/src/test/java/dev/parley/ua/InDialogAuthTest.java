package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.Codecs;
import dev.parley.sdp.LocalCapabilities;
import dev.parley.sdp.OfferAnswer;
import dev.parley.sdp.SessionDescription;
import dev.parley.sip.message.AuthHeader;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transaction.ServerTransaction;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import dev.parley.ua.fixture.Lab;
import dev.parley.ua.fixture.RawSip;
import dev.parley.ua.internal.auth.DigestAlgorithm;
import dev.parley.ua.internal.auth.DigestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3261 §22.2 for requests inside a dialog: a challenged re-INVITE (hold) and INFO (DTMF) are sent again with credentials. */
class InDialogAuthTest {

    /**
     * A UAS at 127.0.0.1:5999 that answers the INVITE at once, then wants alice's credentials:
     * 401 for each re-INVITE and 407 for each INFO without them; it checks the digest it gets.
     */
    private static final class ChallengingPeer extends RawSip {
        final List<SipRequest> reInvites = new ArrayList<>();
        final List<SipRequest> infos = new ArrayList<>();
        final List<SipRequest> acks = new ArrayList<>();
        private final OfferAnswer session = new OfferAnswer(LocalCapabilities.defaultAudio("9", "127.0.0.1", 40000), 1);

        ChallengingPeer(Lab lab) {
            super(lab.time, lab.sip, Endpoint.of(TransportKind.UDP, "127.0.0.1", 5999));
        }

        @Override
        public void onRequest(ServerTransaction<SipRequest, SipResponse> tx, SipRequest request) {
            boolean inDialog = request.to().tag().isPresent();
            switch (request.method()) {
                case "INVITE" -> {
                    if (inDialog) {
                        reInvites.add(request); // retransmissions stay in the transaction layer
                    }
                    if (inDialog && !authorized(request, "Authorization", "uas.test")) {
                        tx.respond(challenge(request, 401, "WWW-Authenticate", "uas.test", "r" + reInvites.size()));
                    } else {
                        tx.respond(answer(request));
                    }
                }
                case "INFO" -> {
                    infos.add(request);
                    tx.respond(authorized(request, "Proxy-Authorization", "proxy.test")
                            ? SipResponse.createFrom(request, 200, "OK", null)
                            : challenge(request, 407, "Proxy-Authenticate", "proxy.test", "i" + infos.size()));
                }
                default -> tx.respond(SipResponse.createFrom(request, 200, "OK", null));
            }
        }

        @Override
        public void onAck(SipRequest ack, Endpoint from) {
            acks.add(ack);
        }

        private SipResponse answer(SipRequest invite) {
            byte[] offer = invite.body();
            byte[] sdp = session.answer(SessionDescription.parse(offer, 0, offer.length)).toBytes();
            return SipResponse.createFrom(invite, 200, "OK", invite.to().tag().orElse("uas")).toBuilder()
                    .add("Contact", "<sip:uas@127.0.0.1:5999>").body("application/sdp", sdp).build();
        }

        private static SipResponse challenge(SipRequest r, int code, String header, String realm, String nonce) {
            return SipResponse.createFrom(r, code, SipResponse.defaultReason(code), null).toBuilder()
                    .add(header, "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", qop=\"auth\"").build();
        }

        /** RFC 7616 §3.4.1: recomputes the response from alice's password "secret". */
        private static boolean authorized(SipRequest r, String header, String realm) {
            for (String line : r.headerLines(header)) {
                AuthHeader a = AuthHeader.parse(line);
                if (!realm.equals(a.realm().orElse(null))) {
                    continue;
                }
                String expected = new DigestResponse(DigestAlgorithm.MD5, "alice", realm, "secret", r.method(),
                        a.param("uri").orElseThrow(), a.nonce().orElseThrow(), "auth",
                        Long.parseLong(a.param("nc").orElseThrow(), 16), a.param("cnonce").orElseThrow()).compute();
                return expected.equals(a.response().orElse(null));
            }
            return false;
        }
    }

    private static Call answeredCall(Lab lab, String password) {
        SoftPhone phone = lab.phoneAt(5070).codecs(Codecs.PCMU).telephoneEvent(false).build();
        PhoneLine alice = phone.addLine(LineConfig.builder("alice", "parley.test").password(password)
                .registrationRequired(false).build());
        Call call = alice.newCall("sip:uas@127.0.0.1:5999");
        CompletableFuture<Call> answered = call.start().toCompletableFuture();
        assertTrue(lab.runUntil(answered::isDone, 20_000));
        assertEquals(CallState.CONNECTED, call.state());
        return call;
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void challengedReInviteAndInfo_areSentAgainWithCredentials_andSucceed(double loss) {
        Lab lab = new Lab(71, loss);
        ChallengingPeer peer = new ChallengingPeer(lab);
        Call call = answeredCall(lab, "secret");

        CompletableFuture<Call> held = call.hold().toCompletableFuture();
        assertTrue(lab.runUntil(held::isDone, 40_000));
        assertEquals(CallState.LOCAL_HOLD, held.join().state());
        assertEquals(2, peer.reInvites.size());
        SipRequest first = peer.reInvites.get(0);
        SipRequest retry = peer.reInvites.get(1);
        assertTrue(first.header("Authorization").isEmpty());
        assertEquals(first.cseq().number() + 1, retry.cseq().number(), "RFC 3261 §22.2: the retry has a new CSeq");
        assertEquals(first.callId(), retry.callId());
        AuthHeader credentials = AuthHeader.parse(retry.header("Authorization").orElseThrow());
        assertEquals("uas.test", credentials.realm().orElseThrow());
        assertEquals("sip:uas@127.0.0.1:5999", credentials.param("uri").orElseThrow(), "digest-uri = Request-URI");
        assertTrue(lab.runUntil(() -> peer.acks.stream().anyMatch(a -> a.cseq().number() == retry.cseq().number()), 5_000));
        SipRequest ack = peer.acks.stream().filter(a -> a.cseq().number() == retry.cseq().number()).findFirst().orElseThrow();
        assertEquals(retry.header("Authorization"), ack.header("Authorization"),
                "RFC 3261 §13.2.2.4: the ACK carries the INVITE's credentials");

        CompletableFuture<Call> sent = call.sendDtmf("5").toCompletableFuture();
        assertTrue(lab.runUntil(sent::isDone, 40_000));
        assertEquals(call, sent.join());
        List<SipRequest> infos = peer.infos;
        assertEquals(2, infos.size(), "one INFO challenged, one with credentials");
        assertTrue(infos.get(0).header("Proxy-Authorization").isEmpty());
        assertEquals("proxy.test", AuthHeader.parse(infos.get(1).header("Proxy-Authorization").orElseThrow())
                .realm().orElseThrow());
        assertTrue(new String(infos.get(1).body(), java.nio.charset.StandardCharsets.US_ASCII).contains("Signal=5"));
    }

    @Test
    void wrongPassword_holdFailsWithTheChallenge_andTheCallStaysUp() {
        Lab lab = new Lab(72, 0);
        ChallengingPeer peer = new ChallengingPeer(lab);
        Call call = answeredCall(lab, "wrong");
        CompletableFuture<Call> held = call.hold().toCompletableFuture();
        assertTrue(lab.runUntil(held::isDone, 40_000));
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, held::join);
        RequestFailedException failed = assertInstanceOf(RequestFailedException.class, e.getCause());
        assertEquals(401, failed.statusCode());
        assertTrue(peer.reInvites.size() >= 2 && peer.reInvites.size() <= 3, "bounded retries: " + peer.reInvites.size());
        assertEquals(CallState.CONNECTED, call.state(), "RFC 3261 §14.1: a failed re-INVITE leaves the session as it was");
    }
}
