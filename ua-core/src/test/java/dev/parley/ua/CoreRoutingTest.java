package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.Codecs;
import dev.parley.sdp.LocalCapabilities;
import dev.parley.sdp.OfferAnswer;
import dev.parley.sdp.SessionDescription;
import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.transaction.ServerTransaction;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import dev.parley.ua.fixture.Lab;
import dev.parley.ua.fixture.RawSip;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** How a phone answers requests no call owns, routes calls to lines, and handles a forked INVITE. */
class CoreRoutingTest {

    private static final Endpoint PHONE = Endpoint.of(TransportKind.UDP, "127.0.0.1", 5080);
    private static final Endpoint RAW = Endpoint.of(TransportKind.UDP, "127.0.0.1", 5999);

    private final Lab lab = new Lab(31, 0);
    private final Lab.Recorder events = new Lab.Recorder();
    private final SoftPhone phone = SoftPhone.builder().inMemory(lab.sip, lab.media, lab.time)
            .sipAddress("127.0.0.1", 5080).random(new SplittableRandom(5)).listener(events).build();
    private final PhoneLine bob = phone.addLine(LineConfig.builder("bob", "parley.test").registrationRequired(false).build());
    private final PhoneLine carol = phone.addLine(LineConfig.builder("carol", "parley.test").registrationRequired(false).build());

    private SipRequest request(RawSip raw, String method, String user, String toTag) {
        NameAddr to = NameAddr.of(SipUri.of(user, "127.0.0.1", 5080));
        return SipRequest.builder(method, SipUri.of(user, "127.0.0.1", 5080))
                .via(raw.stack.newVia(TransportKind.UDP))
                .maxForwards(70)
                .from(NameAddr.of(SipUri.of("raw", "127.0.0.1", 5999)).withTag("rawtag"))
                .to(toTag == null ? to : to.withTag(toTag))
                .callId("call-" + method + "@127.0.0.1")
                .cseq(1, method)
                .build();
    }

    private SipResponse sendAndWait(RawSip raw, SipRequest request) {
        int before = raw.responses.size();
        raw.send(request, PHONE);
        assertTrue(lab.runUntil(() -> raw.responses.size() > before, 40_000));
        return raw.responses.get(raw.responses.size() - 1);
    }

    @Test
    void options_isAnswered200WithAllowAcceptSupported() {
        RawSip raw = new RawSip(lab.time, lab.sip, RAW);
        SipResponse ok = sendAndWait(raw, request(raw, "OPTIONS", "bob", null));
        assertEquals(200, ok.statusCode());
        assertTrue(ok.tokens("Allow").containsAll(List.of("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS")));
        assertEquals("application/sdp", ok.header("Accept").orElseThrow());
        assertTrue(ok.hasHeader("Supported"));
    }

    @Test
    void requestForAnUnknownDialog_gets481() {
        RawSip raw = new RawSip(lab.time, lab.sip, RAW);
        assertEquals(481, sendAndWait(raw, request(raw, "BYE", "bob", "no-such-tag")).statusCode());
        assertEquals(481, sendAndWait(raw, request(raw, "INFO", "bob", "no-such-tag")).statusCode());
        assertEquals(481, sendAndWait(raw, request(raw, "BYE", "bob", null)).statusCode(), "RFC 3261 §15.1.2");
    }

    @Test
    void unsupportedMethod_gets405WithAllow() {
        RawSip raw = new RawSip(lab.time, lab.sip, RAW);
        SipResponse r = sendAndWait(raw, request(raw, "SUBSCRIBE", "bob", null));
        assertEquals(405, r.statusCode());
        assertTrue(r.tokens("Allow").contains("INVITE"));
    }

    @Test
    void inviteForAUserWithNoLine_gets404() {
        RawSip raw = new RawSip(lab.time, lab.sip, RAW);
        assertEquals(404, sendAndWait(raw, request(raw, "INVITE", "dave", null)).statusCode());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "SIP loss {0}")
    @org.junit.jupiter.params.provider.ValueSource(doubles = {0.0, 0.1})
    void twoLinesOnOnePhone_eachReceiveTheirOwnCalls(double loss) {
        if (loss > 0) {
            lab.sip.impair(new dev.parley.sip.transport.InMemoryNetwork.Impairments(loss, 0, 1, 20));
        }
        SoftPhone alicePhone = SoftPhone.builder().inMemory(lab.sip, lab.media, lab.time)
                .sipAddress("127.0.0.1", 5070).random(new SplittableRandom(6)).build();
        PhoneLine alice = alicePhone.addLine(LineConfig.builder("alice", "parley.test").registrationRequired(false).build());
        Call toBob = alice.newCall("sip:bob@127.0.0.1:5080");
        Call toCarol = alice.newCall("sip:carol@127.0.0.1:5080");
        toBob.start();
        toCarol.start();
        assertTrue(lab.runUntil(() -> events.incoming.size() == 2, 40_000));
        Call first = events.incoming.stream().filter(c -> c.local().uri().contains("bob")).findFirst().orElseThrow();
        Call second = events.incoming.stream().filter(c -> c.local().uri().contains("carol")).findFirst().orElseThrow();
        assertSame(bob, first.line());
        assertSame(carol, second.line());
        assertEquals(List.of(first), bob.calls());
        assertEquals(List.of(second), carol.calls());
        assertEquals(toBob.id(), first.id());
        assertEquals(toCarol.id(), second.id());
    }

    /** A UAS that answers an INVITE with two 2xx from two "forks" (tags a and b), like a forking proxy would pass on. */
    private static final class ForkingUas extends RawSip {
        final List<SipRequest> requests = new ArrayList<>();

        ForkingUas(Lab lab) {
            super(lab.time, lab.sip, RAW);
        }

        @Override
        public void onRequest(ServerTransaction<SipRequest, SipResponse> tx, SipRequest request) {
            requests.add(request);
            if (!request.isMethod("INVITE")) {
                tx.respond(SipResponse.createFrom(request, 200, "OK", null));
                return;
            }
            byte[] offer = request.body();
            SessionDescription answer = new OfferAnswer(LocalCapabilities.defaultAudio("9", "127.0.0.1", 40000), 1)
                    .answer(SessionDescription.parse(offer, 0, offer.length));
            for (String tag : List.of("a", "b")) {
                SipResponse ok = SipResponse.createFrom(request, 200, "OK", tag).toBuilder()
                        .add("Contact", "<sip:fork-" + tag + "@127.0.0.1:5999>")
                        .body("application/sdp", answer.toBytes()).build();
                if (tag.equals("a")) {
                    tx.respond(ok);
                } else {
                    stack.layer().sendStateless(ok, tx.peer());
                }
            }
        }

        @Override
        public void onAck(SipRequest ack, Endpoint from) {
            requests.add(ack);
        }
    }

    /** A UAS that sends 183 with SDP (early media), then 200, then a late 180 from the same dialog. */
    private static final class EarlyMediaUas extends RawSip {
        final List<SipRequest> requests = new ArrayList<>();

        EarlyMediaUas(Lab lab) {
            super(lab.time, lab.sip, RAW);
        }

        @Override
        public void onRequest(ServerTransaction<SipRequest, SipResponse> tx, SipRequest request) {
            requests.add(request);
            if (!request.isMethod("INVITE")) {
                tx.respond(SipResponse.createFrom(request, 200, "OK", null));
                return;
            }
            byte[] offer = request.body();
            byte[] answer = new OfferAnswer(LocalCapabilities.defaultAudio("9", "127.0.0.1", 40000), 1)
                    .answer(SessionDescription.parse(offer, 0, offer.length)).toBytes();
            tx.respond(SipResponse.createFrom(request, 183, "Session Progress", "e").toBuilder()
                    .add("Contact", "<sip:early@127.0.0.1:5999>").body("application/sdp", answer).build());
            tx.respond(SipResponse.createFrom(request, 200, "OK", "e").toBuilder()
                    .add("Contact", "<sip:early@127.0.0.1:5999>").body("application/sdp", answer).build());
            stack.layer().sendStateless(SipResponse.createFrom(request, 180, "Ringing", "e"), tx.peer());
        }

        @Override
        public void onAck(SipRequest ack, Endpoint from) {
            requests.add(ack);
        }
    }

    @Test
    void earlyMediaOn183_thenAnswered_lateRingingIgnored() {
        new EarlyMediaUas(lab);
        Call call = bob.newCall("sip:early@127.0.0.1:5999");
        CompletableFuture<Call> answered = call.start().toCompletableFuture();
        assertTrue(lab.runUntil(answered::isDone, 10_000));
        lab.time.advance(1_000);
        assertEquals(List.of("OUTGOING:CALLING", "OUTGOING:EARLY_MEDIA", "OUTGOING:CONNECTED"), events.callStates);
        assertEquals(CallState.CONNECTED, call.state(), "RFC 3261 §13.2.2.4: a 1xx after the 2xx changes nothing");
    }

    @Test
    void incomingCall_exposesTheInviteHeaders() {
        RawSip raw = new RawSip(lab.time, lab.sip, RAW);
        SipRequest invite = request(raw, "INVITE", "bob", null).toBuilder().add("Subject", "lunch?").build();
        raw.send(invite, PHONE);
        assertTrue(lab.runUntil(() -> !events.incoming.isEmpty(), 5_000));
        Call in = events.incoming.get(0);
        assertEquals("lunch?", in.requestHeader("subject").orElseThrow());
        assertEquals("sip:raw@127.0.0.1:5999", in.remote().uri());
        assertTrue(bob.newCall("sip:x@127.0.0.1:5999").requestHeader("Subject").isEmpty());
        in.reject(603);
        assertTrue(lab.runUntil(() -> !raw.responses.isEmpty(), 5_000));
        assertEquals(603, raw.responses.get(0).statusCode());
    }

    @Test
    void inviteWithoutOffer_getsTheOfferIn200_andTheAnswerInTheAck_rfc3261_13_2_1() {
        RawSip raw = new RawSip(lab.time, lab.sip, RAW);
        bob.autoAnswer(true);
        SipRequest invite = request(raw, "INVITE", "bob", null);
        raw.send(invite, PHONE);
        assertTrue(lab.runUntil(() -> !raw.responses.isEmpty(), 5_000));
        SipResponse ok = raw.responses.get(0);
        assertEquals(200, ok.statusCode());
        byte[] offer = ok.body();
        assertTrue(offer.length > 0, "the offer comes in the 2xx");
        SessionDescription answer = new OfferAnswer(LocalCapabilities.defaultAudio("9", "127.0.0.1", 40000), 1)
                .answer(SessionDescription.parse(offer, 0, offer.length));
        SipRequest ack = SipRequest.builder("ACK", ok.contacts().get(0).address().uri())
                .via(raw.stack.newVia(TransportKind.UDP)).maxForwards(70)
                .from(invite.from()).to(ok.to()).callId(invite.callId()).cseq(1, "ACK")
                .body("application/sdp", answer.toBytes()).build();
        raw.stack.layer().sendAck(ack, PHONE);
        lab.time.advance(100);
        Call in = events.incoming.get(0);
        assertEquals(CallState.CONNECTED, in.state());
        assertEquals("PCMU", in.codec().orElseThrow().encodingName());
    }

    @Test
    void reInvite_isAnsweredFromTheCallsOfferAnswerSession_sameOrigin_rfc3264_8() {
        RawSip raw = new RawSip(lab.time, lab.sip, RAW);
        bob.autoAnswer(true);
        OfferAnswer peer = new OfferAnswer(LocalCapabilities.defaultAudio("77", "127.0.0.1", 40000), 1);
        SipRequest invite = request(raw, "INVITE", "bob", null).toBuilder()
                .body("application/sdp", peer.createOffer().toBytes()).build();
        raw.send(invite, PHONE);
        assertTrue(lab.runUntil(() -> !raw.responses.isEmpty(), 5_000));
        SipResponse ok = raw.responses.get(0);
        SessionDescription first = SessionDescription.parse(ok.body(), 0, ok.bodyLength());
        peer.acceptAnswer(first);
        raw.stack.layer().sendAck(SipRequest.builder("ACK", ok.contacts().get(0).address().uri())
                .via(raw.stack.newVia(TransportKind.UDP)).maxForwards(70).from(invite.from()).to(ok.to())
                .callId(invite.callId()).cseq(1, "ACK").build(), PHONE);
        lab.time.advance(100);

        SipRequest reInvite = SipRequest.builder("INVITE", ok.contacts().get(0).address().uri())
                .via(raw.stack.newVia(TransportKind.UDP)).maxForwards(70).from(invite.from()).to(ok.to())
                .callId(invite.callId()).cseq(2, "INVITE")
                .body("application/sdp", peer.createOffer().toBytes()).build();
        SipResponse reOk = sendAndWait(raw, reInvite);
        assertEquals(200, reOk.statusCode());
        SessionDescription second = SessionDescription.parse(reOk.body(), 0, reOk.bodyLength());
        assertEquals(first.origin().sessionId(), second.origin().sessionId());
        // RFC 3264 §8: an unchanged description keeps its version (a changed one would take the next).
        assertTrue(second.sameContentAs(first));
        assertEquals(first.origin().sessionVersion(), second.origin().sessionVersion());
        assertEquals(CallState.CONNECTED, events.incoming.get(0).state());
    }

    @Test
    void forked2xx_secondDialogIsAckedAndByed_firstStaysUp() {
        ForkingUas uas = new ForkingUas(lab);
        Call call = bob.newCall("sip:fork@127.0.0.1:5999");
        CompletableFuture<Call> answered = call.start().toCompletableFuture();
        assertTrue(lab.runUntil(answered::isDone, 10_000));
        lab.time.advance(2_000);
        List<String> seen = uas.requests.stream()
                .map(r -> r.method() + " " + r.to().tag().orElse("-") + " " + r.requestUriText()).toList();
        assertTrue(seen.contains("ACK a sip:fork-a@127.0.0.1:5999"), seen.toString());
        assertTrue(seen.contains("ACK b sip:fork-b@127.0.0.1:5999"), seen.toString());
        assertTrue(seen.contains("BYE b sip:fork-b@127.0.0.1:5999"), "RFC 3261 §13.2.2.4: the extra dialog is ended");
        assertTrue(seen.stream().noneMatch(s -> s.startsWith("BYE a")));
        assertEquals(CallState.CONNECTED, call.state());
        assertEquals(Codecs.PCMU.encodingName(), call.codec().orElseThrow().encodingName());
    }
}
