package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.Codecs;
import dev.parley.ua.fixture.Lab;
import dev.parley.ua.internal.phone.CallImpl;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hold and unhold by re-INVITE (RFC 3264 §8.4) between two phones in virtual time, with and
 * without 10% SIP loss; media direction is measured with the RTP counters of both calls.
 */
class HoldTest {

    private static final String BOB = "sip:bob@127.0.0.1:5080";

    private static final class Phone {
        final Lab.Recorder events = new Lab.Recorder();
        final PhoneLine line;

        Phone(Lab lab, String user) {
            SoftPhone phone = SoftPhone.builder()
                    .inMemory(lab.sip, lab.media, lab.time)
                    .sipAddress("127.0.0.1", user.equals("alice") ? 5070 : 5080)
                    .random(new SplittableRandom(user.hashCode()))
                    .codecs(Codecs.PCMU)
                    .listener(events)
                    .build();
            line = phone.addLine(LineConfig.builder(user, "parley.test").registrationRequired(false).build());
        }
    }

    /** Alice calls Bob, Bob answers; returns {alice's call, bob's call}, both CONNECTED. */
    private static Call[] connect(Lab lab, Phone alice, Phone bob) {
        Call out = alice.line.newCall(BOB);
        CompletableFuture<Call> answered = out.start().toCompletableFuture();
        assertTrue(lab.runUntil(() -> !bob.events.incoming.isEmpty(), 20_000), "bob is rung");
        Call in = bob.events.incoming.get(0);
        CompletableFuture<Call> accepted = in.answer().toCompletableFuture();
        assertTrue(lab.runUntil(() -> answered.isDone() && accepted.isDone(), 40_000), "answered");
        assertEquals(CallState.CONNECTED, out.state());
        assertEquals(CallState.CONNECTED, in.state());
        return new Call[] {out, in};
    }

    /** Every SIP message sent on the lab's network, as text, with the sender's port in front. */
    private static java.util.List<String> wire(Lab lab) {
        java.util.List<String> seen = new java.util.ArrayList<>();
        lab.sip.tap((at, from, to, payload, fate) -> seen.add(from.address().getPort() + " "
                + new String(payload, java.nio.charset.StandardCharsets.UTF_8)));
        return seen;
    }

    /** The INVITEs a port sent, retransmissions left out (one per CSeq), in order. */
    private static java.util.List<String> invitesFrom(java.util.List<String> wire, int port) {
        java.util.Map<String, String> byCseq = new java.util.LinkedHashMap<>();
        for (String m : wire) {
            if (m.startsWith(port + " INVITE ")) {
                byCseq.putIfAbsent(header(m, "CSeq"), m);
            }
        }
        return new java.util.ArrayList<>(byCseq.values());
    }

    private static String header(String message, String name) {
        for (String line : message.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return "";
    }

    /** The SDP o= line's session version (RFC 8866 §5.2). */
    private static long sdpVersion(String message) {
        for (String line : message.split("\r\n")) {
            if (line.startsWith("o=")) {
                return Long.parseLong(line.split(" ")[2]);
            }
        }
        throw new AssertionError("no o= line in " + message);
    }

    private static long sent(Call c) {
        return ((CallImpl) c).rtpStatistics().orElseThrow().packetsSent();
    }

    private static long received(Call c) {
        return ((CallImpl) c).rtpStatistics().orElseThrow().packetsReceived();
    }

    private static void settle(Lab lab, CompletableFuture<Call> stage) {
        assertTrue(lab.runUntil(stage::isDone, 60_000), "the re-INVITE completes");
        assertTrue(!stage.isCompletedExceptionally(), () -> "completed normally: " + stage);
        lab.time.advance(200); // packets sent before the change have arrived
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void hold_heldPeerSendsNoRtp_andUnholdRestoresBothDirections(double loss) {
        Lab lab = new Lab(31, loss);
        Phone alice = new Phone(lab, "alice");
        Phone bob = new Phone(lab, "bob");
        java.util.List<String> wire = wire(lab);
        Call[] c = connect(lab, alice, bob);
        Call out = c[0];
        Call in = c[1];

        settle(lab, out.hold().toCompletableFuture());
        assertTrue(lab.runUntil(() -> in.state() == CallState.REMOTE_HOLD, 10_000), "bob sees the hold");
        java.util.List<String> invites = invitesFrom(wire, 5070);
        assertEquals(2, invites.size(), "the INVITE and one re-INVITE");
        assertTrue(invites.get(1).contains("a=sendonly\r\n"), invites.get(1));
        // RFC 3264 §8: same o= line, version one higher, since the description changed.
        assertEquals(sdpVersion(invites.get(0)) + 1, sdpVersion(invites.get(1)));
        assertEquals(CallState.LOCAL_HOLD, out.state());
        long bobSent = sent(in);
        long aliceReceived = received(out);
        long aliceSent = sent(out);
        lab.time.advance(2_000);
        // RFC 3264 §8.4: sendonly: the held side sends nothing, the holder keeps sending (music on hold).
        assertEquals(bobSent, sent(in), "bob sends no RTP while held");
        assertEquals(aliceReceived, received(out), "alice receives no RTP while holding");
        assertTrue(sent(out) - aliceSent >= 90, "alice still sends, 50 packets a second");

        settle(lab, out.unhold().toCompletableFuture());
        assertTrue(lab.runUntil(() -> in.state() == CallState.CONNECTED, 10_000), "bob sees the unhold");
        invites = invitesFrom(wire, 5070);
        assertEquals(3, invites.size());
        // sendrecv is the default (RFC 8866 §6.7), so the unhold offer may simply carry no direction.
        assertTrue(!invites.get(2).contains("a=sendonly") && !invites.get(2).contains("a=inactive")
                && !invites.get(2).contains("a=recvonly"), invites.get(2));
        assertEquals(sdpVersion(invites.get(0)) + 2, sdpVersion(invites.get(2)));
        assertEquals(CallState.CONNECTED, out.state());
        long bobAgain = sent(in);
        long aliceAgain = received(out);
        lab.time.advance(1_000);
        assertTrue(sent(in) - bobAgain >= 45, "bob sends again");
        assertTrue(received(out) - aliceAgain >= 40, "alice receives again");
        assertTrue(alice.events.callStates.containsAll(java.util.List.of("OUTGOING:LOCAL_HOLD", "OUTGOING:CONNECTED")));
        assertTrue(bob.events.callStates.contains("INCOMING:REMOTE_HOLD"));
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void holdWhileHeld_offersInactive_soNeitherSideSends(double loss) {
        Lab lab = new Lab(32, loss);
        Phone alice = new Phone(lab, "alice");
        Phone bob = new Phone(lab, "bob");
        java.util.List<String> wire = wire(lab);
        Call[] c = connect(lab, alice, bob);
        Call out = c[0];
        Call in = c[1];

        settle(lab, in.hold().toCompletableFuture());
        assertTrue(lab.runUntil(() -> out.state() == CallState.REMOTE_HOLD, 10_000));
        assertTrue(invitesFrom(wire, 5080).get(0).contains("a=sendonly\r\n"));
        settle(lab, out.hold().toCompletableFuture());
        // RFC 3264 §8.4: a stream that was recvonly (the peer holds us) is held with inactive.
        assertTrue(invitesFrom(wire, 5070).get(1).contains("a=inactive\r\n"), invitesFrom(wire, 5070).get(1));
        assertEquals(CallState.LOCAL_HOLD, out.state());
        assertEquals(CallState.LOCAL_HOLD, in.state(), "our own hold shows first");
        long a = sent(out);
        long b = sent(in);
        lab.time.advance(2_000);
        assertEquals(a, sent(out), "inactive: alice sends nothing");
        assertEquals(b, sent(in), "inactive: bob sends nothing");

        // Bob lets go; Alice's hold stays: Bob is now only held.
        settle(lab, in.unhold().toCompletableFuture());
        assertEquals(CallState.REMOTE_HOLD, in.state());
        assertEquals(CallState.LOCAL_HOLD, out.state());
        long bobSent = sent(in);
        long aliceSent = sent(out);
        lab.time.advance(1_000);
        assertEquals(bobSent, sent(in), "bob, held by alice, still sends nothing");
        assertTrue(sent(out) - aliceSent >= 45, "alice, holding with sendonly, sends");
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void crossingHolds_getA491_andBothRetryUntilBothHold(double loss) {
        Lab lab = new Lab(33, loss);
        Phone alice = new Phone(lab, "alice");
        Phone bob = new Phone(lab, "bob");
        java.util.List<String> wire = wire(lab);
        Call[] c = connect(lab, alice, bob);
        Call out = c[0];
        Call in = c[1];

        // Both re-INVITEs leave in the same instant: each side answers the other 491 (RFC 3261 §14.2).
        CompletableFuture<Call> aliceHold = out.hold().toCompletableFuture();
        CompletableFuture<Call> bobHold = in.hold().toCompletableFuture();
        long start = lab.time.now();
        assertTrue(lab.runUntil(() -> aliceHold.isDone() && bobHold.isDone(), 60_000));
        assertTrue(!aliceHold.isCompletedExceptionally() && !bobHold.isCompletedExceptionally());
        if (loss == 0) {
            // RFC 3261 §14.2/§14.1: each side answered the other 491, then bob (0-2 s) retried before alice (2.1-4 s).
            assertEquals(2, wire.stream().filter(m -> m.contains(" 491 Request Pending\r\n")).count());
            assertTrue(lab.time.now() - start >= 2_100, "alice retried after at least 2.1 s");
        }
        lab.time.advance(200);
        assertEquals(CallState.LOCAL_HOLD, out.state());
        assertEquals(CallState.LOCAL_HOLD, in.state());
        long a = sent(out);
        long b = sent(in);
        lab.time.advance(2_000);
        assertEquals(a, sent(out), "both hold: nothing sent");
        assertEquals(b, sent(in), "both hold: nothing sent");

        // No stale state: both unhold, one after the other, and media flows both ways again.
        settle(lab, out.unhold().toCompletableFuture());
        settle(lab, in.unhold().toCompletableFuture());
        assertEquals(CallState.CONNECTED, out.state());
        assertEquals(CallState.CONNECTED, in.state());
        long a2 = received(out);
        long b2 = received(in);
        lab.time.advance(1_000);
        assertTrue(received(out) - a2 >= 40 && received(in) - b2 >= 40, "media flows both ways");
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void holdCrossingBye_failsWithCallEnded_andBothEnd(double loss) throws Exception {
        Lab lab = new Lab(34, loss);
        Phone alice = new Phone(lab, "alice");
        Phone bob = new Phone(lab, "bob");
        Call[] c = connect(lab, alice, bob);
        Call out = c[0];
        Call in = c[1];

        CompletableFuture<Call> held = out.hold().toCompletableFuture();
        in.hangUp();
        assertTrue(lab.runUntil(() -> held.isDone() && out.state() == CallState.ENDED, 60_000));
        assertEquals(CallState.ENDED, in.state());
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, held::get);
        assertInstanceOf(CallEndedException.class, e.getCause());
        // A later hold on the ended call fails at once instead of sending anything.
        CompletableFuture<Call> late = out.hold().toCompletableFuture();
        lab.time.advance(10);
        assertTrue(late.isCompletedExceptionally());
    }

    @org.junit.jupiter.api.Test
    void holdNeverAnswered_timesOut_andEndsTheCallWithBye_rfc3261_14_1() throws Exception {
        Lab lab = new Lab(35, 0);
        Phone alice = new Phone(lab, "alice");
        Phone bob = new Phone(lab, "bob");
        Call[] c = connect(lab, alice, bob);
        Call out = c[0];
        // From now on nothing bob sends arrives: alice's re-INVITE gets no response at all.
        lab.sip.filter((from, to, payload) -> from.address().getPort() == 5080
                ? dev.parley.sip.transport.InMemoryNetwork.Fate.DROP : null);
        CompletableFuture<Call> held = out.hold().toCompletableFuture();
        lab.time.advance(31_000);
        assertTrue(!held.isDone(), "still waiting before timer B (64*T1)");
        assertTrue(lab.runUntil(held::isDone, 5_000));
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, held::get);
        CallEnd end = ((CallEndedException) e.getCause()).end();
        assertEquals(EndCause.TIMEOUT, end.cause());
        assertEquals(408, end.statusCode());
        assertEquals(CallState.ENDED, out.state());
        assertTrue(lab.runUntil(() -> c[1].state() == CallState.ENDED, 5_000), "bob got the BYE");
    }
}
