package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.ua.fixture.Office;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Blind transfer (RFC 5589 §6, RFC 3515) among three registered phones in virtual time, with and
 * without 10% SIP loss: alice talks to bob and sends him to carol.
 */
class BlindTransferTest {

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void blindTransfer_bobEndsUpTalkingToCarol_andAlicesCallEnds(double loss) {
        Office o = new Office(41, loss);
        Call[] ab = o.connect(o.alice, o.bob, Office.BOB);
        Call aliceCall = ab[0];
        Call bobOld = ab[1];

        CompletableFuture<TransferProgress> transfer = aliceCall.blindTransfer(Office.CAROL).toCompletableFuture();
        assertTrue(o.lab.runUntil(() -> !o.carol.events.incoming.isEmpty(), 60_000), "carol is rung");
        Call carolCall = o.carol.speak(o.carol.events.incoming.get(0));
        carolCall.answer();
        assertTrue(o.lab.runUntil(() -> transfer.isDone() && aliceCall.state() == CallState.ENDED
                && bobOld.state() == CallState.ENDED, 60_000), "transfer completes, both old legs end");

        TransferProgress outcome = transfer.join();
        assertTrue(outcome.succeeded(), outcome::toString);
        assertEquals(200, outcome.statusCode());
        assertEquals(EndCause.TRANSFERRED, aliceCall.end().orElseThrow().cause());
        assertEquals(EndCause.TRANSFERRED, bobOld.end().orElseThrow().cause());
        // The transferee reports the new call as a replacement, not as an incoming call.
        assertEquals(1, o.bob.events.transferred.size());
        assertSame(bobOld, o.bob.events.transferred.get(0)[0]);
        Call bobNew = o.bob.events.transferred.get(0)[1];
        assertEquals(CallDirection.OUTGOING, bobNew.direction());
        assertEquals("sip:carol@127.0.0.1:5090", bobNew.remote().uri());
        assertEquals(CallState.CONNECTED, bobNew.state());
        assertEquals(List.of(bobNew), o.bob.phone.calls());
        assertEquals(List.of(), o.alice.phone.calls());

        // The right two talk: bob's audio moved to his new call, so each hears the other's tone.
        o.lab.time.advance(1_000);
        assertTrue(o.carol.heard(o.bob.toneHz), "carol hears bob");
        assertTrue(o.bob.heard(o.carol.toneHz), "bob hears carol");
        assertTrue(o.bob.silentAt(o.alice.toneHz) && o.carol.silentAt(o.alice.toneHz), "alice is gone");

        // Wire: the hold was acknowledged before the REFER (RFC 5589 §6.1), which names target and referrer.
        String refer = o.requests(5070, "REFER").get(0);
        assertEquals("<sip:carol@127.0.0.1:5090>", Office.header(refer, "Refer-To"));
        assertEquals("<sip:alice@parley.test>", Office.header(refer, "Referred-By"));
        String holdInvite = o.requests(5070, "INVITE").get(1);
        assertTrue(holdInvite.contains("a=sendonly"), holdInvite);
        int holdOk = o.firstIndex("5080 SIP/2.0 200", "CSeq: " + Office.header(holdInvite, "CSeq"));
        assertTrue(holdOk >= 0 && holdOk < o.firstIndex("5070 REFER ", ""), "REFER only after the hold's 200");
        assertTrue(o.wire.stream().anyMatch(m -> m.startsWith("5080 SIP/2.0 202 Accepted")));
        // RFC 3892: bob's INVITE to carol carries alice's Referred-By.
        String bobInvite = o.requests(5080, "INVITE").get(0);
        assertTrue(bobInvite.startsWith("5080 INVITE sip:carol@127.0.0.1:5090 "), bobInvite);
        assertEquals("<sip:alice@parley.test>", Office.header(bobInvite, "Referred-By"));
        // RFC 3515 §2.4.4-§2.4.6: NOTIFYs with sipfrag status lines, Event refer;id=<REFER CSeq>, the last one terminated.
        List<String> notifies = o.requests(5080, "NOTIFY");
        assertTrue(notifies.size() >= 2, "100 Trying and the final status");
        String referCseq = Office.header(refer, "CSeq").split(" ")[0];
        for (String n : notifies) {
            assertEquals("refer;id=" + referCseq, Office.header(n, "Event"));
            assertEquals("message/sipfrag;version=2.0", Office.header(n, "Content-Type"));
        }
        assertEquals("SIP/2.0 100 Trying\r\n", Office.body(notifies.get(0)));
        assertEquals("active;expires=60", Office.header(notifies.get(0), "Subscription-State"));
        String last = notifies.get(notifies.size() - 1);
        assertEquals("SIP/2.0 200 OK\r\n", Office.body(last));
        assertEquals("terminated;reason=noresource", Office.header(last, "Subscription-State"));
        // The transferor saw every report, in order, the final one last.
        List<TransferProgress> seen = o.alice.events.transferProgress;
        assertEquals(100, seen.get(0).statusCode());
        assertEquals(new TransferProgress(200, "OK", true), seen.get(seen.size() - 1));
        // The transferor ended its call with BYE (RFC 5589 §6.1).
        assertFalse(o.requests(5070, "BYE").isEmpty());
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void busyTarget_keepsTheOriginalCall_offHold_andTalking(double loss) {
        Office o = new Office(42, loss);
        Call[] ab = o.connect(o.alice, o.bob, Office.BOB);
        Call aliceCall = ab[0];
        Call bobCall = ab[1];

        CompletableFuture<TransferProgress> transfer = aliceCall.blindTransfer(Office.CAROL).toCompletableFuture();
        assertTrue(o.lab.runUntil(() -> !o.carol.events.incoming.isEmpty(), 60_000), "carol is rung");
        o.carol.events.incoming.get(0).reject(486);
        assertTrue(o.lab.runUntil(() -> transfer.isDone() && aliceCall.state() == CallState.CONNECTED
                && bobCall.state() == CallState.CONNECTED, 60_000), "the transfer fails and the hold is lifted");

        TransferProgress outcome = transfer.join();
        assertFalse(outcome.succeeded());
        assertEquals(486, outcome.statusCode());
        assertTrue(outcome.finished());
        Call bobTry = o.bob.events.transferred.get(0)[1];
        assertEquals(new CallEnd(EndCause.REMOTE_REJECTED, 486, "Busy Here"), bobTry.end().orElseThrow());
        String last = o.requests(5080, "NOTIFY").get(o.requests(5080, "NOTIFY").size() - 1);
        assertEquals("SIP/2.0 486 Busy Here\r\n", Office.body(last));
        assertTrue(Office.header(last, "Subscription-State").startsWith("terminated"));
        // The original two talk again: the unhold re-INVITE offered sendrecv.
        o.lab.time.advance(2_000); // the receivers re-synchronise after the hold
        assertTrue(o.alice.heard(o.bob.toneHz), "alice hears bob again");
        assertTrue(o.bob.heard(o.alice.toneHz), "bob hears alice again");
        assertTrue(o.requests(5070, "BYE").isEmpty(), "nobody hung up");
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void transferorHangsUpWhileTheTargetRings_bobStillReachesCarol_withHisAudio(double loss) throws Exception {
        Office o = new Office(45, loss);
        Call[] ab = o.connect(o.alice, o.bob, Office.BOB);
        CompletableFuture<TransferProgress> transfer = ab[0].blindTransfer(Office.CAROL).toCompletableFuture();
        assertTrue(o.lab.runUntil(() -> !o.carol.events.incoming.isEmpty(), 60_000), "carol is rung");
        // RFC 5589 §6.1: once the REFER is accepted the transferor may leave at once.
        ab[0].hangUp();
        assertTrue(o.lab.runUntil(() -> ab[1].state() == CallState.ENDED && transfer.isDone(), 60_000));
        assertInstanceOf(CallEndedException.class, assertThrows(ExecutionException.class, transfer::get).getCause());
        assertEquals(EndCause.TRANSFERRED, ab[1].end().orElseThrow().cause(), "bob's call was given away, not just hung up");
        Call carolCall = o.carol.speak(o.carol.events.incoming.get(0));
        carolCall.answer();
        Call bobNew = o.bob.events.transferred.get(0)[1];
        assertTrue(o.lab.runUntil(() -> bobNew.state() == CallState.CONNECTED, 60_000));
        o.lab.time.advance(1_000);
        assertTrue(o.carol.heard(o.bob.toneHz), "carol hears bob: his source moved to the new call before the old one closed");
        assertTrue(o.bob.heard(o.carol.toneHz), "bob hears carol on the sink he had");
    }

    @org.junit.jupiter.api.Test
    void misuse_isRefusedAtOnce_andNothingIsSent() throws Exception {
        Office o = new Office(44, 0);
        Call idle = o.alice.line.newCall(Office.BOB);
        assertThrows(IllegalArgumentException.class, () -> idle.blindTransfer("sip:<bad"));
        CompletableFuture<TransferProgress> early = idle.blindTransfer(Office.CAROL).toCompletableFuture();
        o.lab.time.advance(10);
        assertInstanceOf(IllegalStateException.class, assertThrows(ExecutionException.class, early::get).getCause(),
                "only an established call can be transferred");
        Call[] ab = o.connect(o.alice, o.bob, Office.BOB);
        assertThrows(IllegalArgumentException.class, () -> ab[0].attendedTransfer(ab[0]));
        assertThrows(IllegalArgumentException.class, () -> ab[0].attendedTransfer(ab[1]), "a call of another phone");
        CompletableFuture<TransferProgress> first = ab[0].blindTransfer(Office.CAROL).toCompletableFuture();
        CompletableFuture<TransferProgress> second = ab[0].blindTransfer(Office.CAROL).toCompletableFuture();
        o.lab.time.advance(10);
        assertInstanceOf(IllegalStateException.class, assertThrows(ExecutionException.class, second::get).getCause(),
                "one transfer at a time");
        assertFalse(first.isDone());
        assertTrue(o.requests(5070, "REFER").size() <= 1);
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void transfereeRefusing_answers603_andTheCallGoesOn(double loss) throws Exception {
        Office o = new Office(43, loss);
        o.bob.line.acceptTransfers(false);
        Call[] ab = o.connect(o.alice, o.bob, Office.BOB);

        CompletableFuture<TransferProgress> transfer = ab[0].blindTransfer(Office.CAROL).toCompletableFuture();
        assertTrue(o.lab.runUntil(() -> transfer.isDone() && ab[0].state() == CallState.CONNECTED, 60_000));
        ExecutionException e = assertThrows(ExecutionException.class, transfer::get);
        assertEquals(603, assertInstanceOf(RequestFailedException.class, e.getCause()).statusCode());
        assertTrue(o.carol.events.incoming.isEmpty(), "nobody called carol");
        assertEquals(CallState.CONNECTED, ab[1].state());
    }
}
