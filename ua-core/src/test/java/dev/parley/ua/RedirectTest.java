package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.Codecs;
import dev.parley.codecs.ToneMeter;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.transaction.ServerTransaction;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import dev.parley.ua.fixture.CapturingSink;
import dev.parley.ua.fixture.Lab;
import dev.parley.ua.fixture.RawSip;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 3xx redirection (RFC 3261 §8.1.3.4, §21.3): followed by the caller, sent by {@link Call#redirect}. */
class RedirectTest {

    private static PhoneLine line(Lab lab, String user, int port, Lab.Recorder events, int maxRedirects) {
        SoftPhone p = lab.phoneAt(port).codecs(Codecs.PCMU).maxRedirects(maxRedirects).listener(events)
                .build();
        return p.addLine(LineConfig.builder(user, "parley.test").registrationRequired(false).build());
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void bobRedirectsToCarol_aliceFollows302_carolAnswers_andHearsAlicesTone(double loss) {
        Lab lab = new Lab(61, loss);
        Lab.Recorder aliceEvents = new Lab.Recorder();
        Lab.Recorder bobEvents = new Lab.Recorder();
        Lab.Recorder carolEvents = new Lab.Recorder();
        PhoneLine alice = line(lab, "alice", 5070, aliceEvents, 5);
        line(lab, "bob", 5080, bobEvents, 5);
        PhoneLine carol = line(lab, "carol", 5090, carolEvents, 5);
        carol.autoAnswer(true);

        Call out = alice.newCall("sip:bob@127.0.0.1:5080");
        out.audioSource(AudioSources.tone(0.5, 1000));
        CompletableFuture<Call> answered = out.start().toCompletableFuture();
        assertTrue(lab.runUntil(() -> !bobEvents.incoming.isEmpty(), 20_000), "bob is rung");
        Call atBob = bobEvents.incoming.get(0);
        CompletableFuture<CallEnd> bobEnd = atBob.redirect("sip:carol@127.0.0.1:5090").toCompletableFuture();
        assertTrue(lab.runUntil(() -> !carolEvents.incoming.isEmpty(), 20_000), "carol is called");
        Call atCarol = carolEvents.incoming.get(0);
        CapturingSink carolHears = new CapturingSink(8000);
        atCarol.audioSink(carolHears);
        assertTrue(lab.runUntil(answered::isDone, 40_000));

        assertEquals(new CallEnd(EndCause.REDIRECTED, 302, "Moved Temporarily"), bobEnd.join());
        assertEquals(CallState.CONNECTED, out.state());
        assertEquals(out.id(), atCarol.id(), "the new INVITE keeps the Call-ID");
        assertEquals("sip:alice@parley.test", atCarol.remote().uri());
        assertEquals("sip:bob@127.0.0.1:5080", out.remote().uri(), "the call is still the one alice made");
        lab.time.advance(1_000);
        short[] heard = carolHears.last(4000);
        assertTrue(ToneMeter.relativePower(heard, 0, heard.length, 8000, 1000) > 0.3, "carol hears alice's 1000 Hz");
        if (loss == 0) {
            assertEquals(List.of("OUTGOING:CALLING", "OUTGOING:RINGING", "OUTGOING:CALLING", "OUTGOING:RINGING",
                    "OUTGOING:CONNECTED"), aliceEvents.callStates, "the state shows the new attempt");
        }
        out.hangUp();
        assertTrue(lab.runUntil(() -> atCarol.state() == CallState.ENDED, 40_000));
        assertEquals(EndCause.REMOTE_HANGUP, atCarol.end().orElseThrow().cause());
    }

    /** A redirect server at 127.0.0.1:5999: answers every INVITE with what {@code answer} makes of it. */
    private static final class Server extends RawSip {
        final List<String> requestUris = new ArrayList<>();
        private final Function<SipRequest, SipResponse> answer;

        Server(Lab lab, Function<SipRequest, SipResponse> answer) {
            super(lab.time, lab.sip, Endpoint.of(TransportKind.UDP, "127.0.0.1", 5999));
            this.answer = answer;
        }

        @Override
        public void onRequest(ServerTransaction<SipRequest, SipResponse> tx, SipRequest request) {
            if (request.isMethod("INVITE")) {
                requestUris.add(request.requestUriText());
                tx.respond(answer.apply(request));
            } else {
                super.onRequest(tx, request);
            }
        }

        static SipResponse redirect(SipRequest r, int code, String... contacts) {
            var b = SipResponse.createFrom(r, code, SipResponse.defaultReason(code), "rs").toBuilder();
            for (String c : contacts) {
                b.add("Contact", c);
            }
            return b.build();
        }

        static String user(SipRequest r) {
            return ((SipUri) r.requestUri()).user();
        }
    }

    @ParameterizedTest(name = "maxRedirects {0}")
    @ValueSource(ints = {5, 2, 0})
    void aServerThatAlwaysRedirectsElsewhere_isFollowedUpToTheBound(int max) {
        Lab lab = new Lab(62, 0);
        // u0 -> u1 -> u2 -> ... : every target is new, so only the bound stops it.
        Server server = new Server(lab, r -> Server.redirect(r, 302,
                "<sip:u" + (Integer.parseInt(Server.user(r).substring(1)) + 1) + "@127.0.0.1:5999>"));
        PhoneLine alice = line(lab, "alice", 5070, new Lab.Recorder(), max);
        Call out = alice.newCall("sip:u0@127.0.0.1:5999");
        CompletableFuture<Call> started = out.start().toCompletableFuture();
        assertTrue(lab.runUntil(() -> out.state() == CallState.ENDED, 40_000));
        assertEquals(max + 1, server.requestUris.size(), "the first INVITE and one per redirect followed");
        assertEquals("sip:u" + max + "@127.0.0.1:5999", server.requestUris.get(max));
        assertEquals(EndCause.TOO_MANY_REDIRECTS, out.end().orElseThrow().cause());
        assertEquals(302, out.end().orElseThrow().statusCode());
        assertTrue(started.isCompletedExceptionally());
    }

    @Test
    void twoTargetsRedirectingToEachOther_isALoop_rfc3261_8_1_3_4() {
        Lab lab = new Lab(63, 0);
        Server server = new Server(lab, r -> Server.redirect(r, 302,
                Server.user(r).equals("a") ? "<sip:b@127.0.0.1:5999>" : "<sip:a@127.0.0.1:5999>"));
        PhoneLine alice = line(lab, "alice", 5070, new Lab.Recorder(), 5);
        Call out = alice.newCall("sip:a@127.0.0.1:5999");
        out.start();
        assertTrue(lab.runUntil(() -> out.state() == CallState.ENDED, 40_000));
        assertEquals(List.of("sip:a@127.0.0.1:5999", "sip:b@127.0.0.1:5999"), server.requestUris);
        assertEquals(EndCause.REDIRECT_LOOP, out.end().orElseThrow().cause());
    }

    @Test
    void contactsAreTriedInDecreasingQ_movingOnAfterEachFailure() {
        Lab lab = new Lab(64, 0);
        Server server = new Server(lab, r -> switch (Server.user(r)) {
            case "start" -> Server.redirect(r, 300, "<sip:low@127.0.0.1:5999>;q=0.1",
                    "<sip:high@127.0.0.1:5999>;q=0.9", "<sip:top@127.0.0.1:5999>", "<mailto:x@example.com>");
            case "low" -> SipResponse.createFrom(r, 486, "Busy Here", "rs");
            default -> SipResponse.createFrom(r, 480, "Temporarily Unavailable", "rs");
        });
        PhoneLine alice = line(lab, "alice", 5070, new Lab.Recorder(), 5);
        Call out = alice.newCall("sip:start@127.0.0.1:5999");
        out.start();
        assertTrue(lab.runUntil(() -> out.state() == CallState.ENDED, 40_000));
        assertEquals(List.of("sip:start@127.0.0.1:5999", "sip:top@127.0.0.1:5999", "sip:high@127.0.0.1:5999",
                "sip:low@127.0.0.1:5999"), server.requestUris);
        assertEquals(new CallEnd(EndCause.REMOTE_REJECTED, 486, "Busy Here"), out.end().orElseThrow());
    }

    @Test
    void redirectToSeveralTargets_sends302WithDecreasingQ() {
        Lab lab = new Lab(65, 0);
        RawSip caller = new RawSip(lab.time, lab.sip, Endpoint.of(TransportKind.UDP, "127.0.0.1", 5998));
        Lab.Recorder bobEvents = new Lab.Recorder();
        line(lab, "bob", 5080, bobEvents, 5);
        SipRequest invite = SipRequest.builder("INVITE", SipUri.of("bob", "127.0.0.1", 5080))
                .via(caller.stack.newVia(TransportKind.UDP)).maxForwards(70)
                .to(dev.parley.sip.message.NameAddr.of(SipUri.of("bob", "parley.test")))
                .from(dev.parley.sip.message.NameAddr.of(SipUri.of("eve", "parley.test")).withTag("e1"))
                .callId("redir-1").cseq(1, "INVITE").build();
        caller.send(invite, Endpoint.of(TransportKind.UDP, "127.0.0.1", 5080));
        assertTrue(lab.runUntil(() -> !bobEvents.incoming.isEmpty(), 5_000));
        Call in = bobEvents.incoming.get(0);
        assertThrows(IllegalArgumentException.class, () -> in.redirect(List.of()));
        in.redirect(List.of("carol", "sip:voicemail@127.0.0.1:5099"));
        assertTrue(lab.runUntil(() -> !caller.responses.isEmpty(), 5_000));
        SipResponse r = caller.responses.get(0);
        assertEquals(302, r.statusCode());
        assertEquals(List.of("<sip:carol@parley.test>;q=1.00", "<sip:voicemail@127.0.0.1:5099>;q=0.99"),
                r.contacts().stream().map(Object::toString).toList());
        assertEquals(new CallEnd(EndCause.REDIRECTED, 302, "Moved Temporarily"), in.end().orElseThrow());
    }
}
