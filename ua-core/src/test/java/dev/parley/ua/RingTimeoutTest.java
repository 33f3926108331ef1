package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.Codecs;
import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import dev.parley.ua.fixture.Lab;
import dev.parley.ua.fixture.RawSip;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The "no answer" limit of an INVITE stuck in Proceeding (RFC 3261 §13.2.1 Expires, §13.3.1, CANCEL §9.1). */
class RingTimeoutTest {

    private static PhoneLine line(Lab lab, String user, int port, Lab.Recorder events, Duration ringTimeout) {
        SoftPhone.Builder b = lab.phoneAt(port).codecs(Codecs.PCMU).listener(events);
        if (ringTimeout != null) {
            b.ringTimeout(ringTimeout);
        }
        return b.build().addLine(LineConfig.builder(user, "parley.test").registrationRequired(false).build());
    }

    /** Records the INVITEs on the wire. */
    private static List<String> invitesOnTheWire(Lab lab) {
        List<String> invites = new ArrayList<>();
        lab.sip.filter((from, to, payload) -> {
            String text = new String(payload, StandardCharsets.US_ASCII);
            if (text.startsWith("INVITE ")) {
                invites.add(text);
            }
            return null;
        });
        return invites;
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void unansweredCall_isCancelledAtTheRingTimeout_withNoAnswer(double loss) {
        Lab lab = new Lab(81, loss);
        List<String> invites = invitesOnTheWire(lab);
        Lab.Recorder bobEvents = new Lab.Recorder();
        PhoneLine alice = line(lab, "alice", 5070, new Lab.Recorder(), Duration.ofSeconds(30));
        line(lab, "bob", 5080, bobEvents, null);
        Call out = alice.newCall("sip:bob@127.0.0.1:5080");
        CompletableFuture<Call> started = out.start().toCompletableFuture();
        assertTrue(lab.runUntil(() -> !bobEvents.incoming.isEmpty(), 10_000));
        Call in = bobEvents.incoming.get(0);
        assertTrue(invites.get(0).contains("\r\nExpires: 30\r\n"), "RFC 3261 §13.2.1: the INVITE carries the limit");

        lab.time.advance(29_000 - lab.time.now());
        assertTrue(out.state() == CallState.RINGING || out.state() == CallState.CALLING, out.state().toString());
        lab.time.advance(1_000);
        assertEquals(CallState.ENDED, out.state());
        assertEquals(new CallEnd(EndCause.NO_ANSWER, 0, "no answer within 30 s"), out.end().orElseThrow());
        assertTrue(started.isCompletedExceptionally());
        assertTrue(lab.runUntil(() -> in.state() == CallState.ENDED, 40_000), "bob hears the CANCEL");
        EndCause atBob = in.end().orElseThrow().cause();
        // With loss the CANCEL may come after bob's own reading of Expires: 30 (487 from bob's side).
        assertTrue(atBob == EndCause.CANCELLED_BY_REMOTE || loss > 0 && atBob == EndCause.NO_ANSWER, atBob.toString());
    }

    @Test
    void defaultRingTimeout_is180Seconds() {
        Lab lab = new Lab(82, 0);
        Lab.Recorder bobEvents = new Lab.Recorder();
        PhoneLine alice = line(lab, "alice", 5070, new Lab.Recorder(), null);
        line(lab, "bob", 5080, bobEvents, Duration.ZERO);
        Call out = alice.newCall("sip:bob@127.0.0.1:5080");
        out.start();
        lab.time.advance(179_000);
        assertEquals(CallState.RINGING, out.state());
        lab.time.advance(1_000);
        assertEquals(EndCause.NO_ANSWER, out.end().orElseThrow().cause());
    }

    @Test
    void zeroRingTimeout_meansNoLimitAndNoExpires() {
        Lab lab = new Lab(83, 0);
        List<String> invites = invitesOnTheWire(lab);
        Lab.Recorder bobEvents = new Lab.Recorder();
        PhoneLine alice = line(lab, "alice", 5070, new Lab.Recorder(), Duration.ZERO);
        line(lab, "bob", 5080, bobEvents, null);
        Call out = alice.newCall("sip:bob@127.0.0.1:5080");
        out.start();
        lab.time.advance(600_000);
        assertEquals(CallState.RINGING, out.state());
        assertEquals(CallState.INCOMING, bobEvents.incoming.get(0).state());
        assertTrue(!invites.get(0).contains("\r\nExpires:"), invites.get(0));
        out.hangUp();
        assertTrue(lab.runUntil(() -> out.state() == CallState.ENDED, 10_000));
    }

    @Test
    void incomingInviteWhoseExpiresPasses_isAnswered487_rfc3261_13_3_1() {
        Lab lab = new Lab(84, 0);
        Lab.Recorder bobEvents = new Lab.Recorder();
        line(lab, "bob", 5080, bobEvents, null);
        RawSip caller = new RawSip(lab.time, lab.sip, Endpoint.of(TransportKind.UDP, "127.0.0.1", 5998));
        SipRequest invite = SipRequest.builder("INVITE", SipUri.of("bob", "127.0.0.1", 5080))
                .via(caller.stack.newVia(TransportKind.UDP)).maxForwards(70)
                .to(NameAddr.of(SipUri.of("bob", "parley.test")))
                .from(NameAddr.of(SipUri.of("eve", "parley.test")).withTag("e1"))
                .callId("expires-1").cseq(1, "INVITE").add("Expires", "5").build();
        assertEquals(OptionalLong.of(5), invite.expires());
        caller.send(invite, Endpoint.of(TransportKind.UDP, "127.0.0.1", 5080));
        assertTrue(lab.runUntil(() -> !bobEvents.incoming.isEmpty(), 1_000));
        Call in = bobEvents.incoming.get(0);
        lab.time.advance(4_000);
        assertEquals(CallState.INCOMING, in.state());
        assertTrue(lab.runUntil(() -> !caller.responses.isEmpty(), 2_000));
        assertEquals(487, caller.responses.get(0).statusCode());
        assertEquals(new CallEnd(EndCause.NO_ANSWER, 487, "the caller's Expires passed"), in.end().orElseThrow());
    }
}
