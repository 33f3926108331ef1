package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.ua.fixture.Office;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attended transfer (RFC 5589 §7) with Replaces (RFC 3891) among three registered phones in
 * virtual time, with and without 10% SIP loss: alice talks to bob, consults carol, then joins
 * bob and carol.
 */
class AttendedTransferTest {

    private static String tag(String nameAddr) {
        int i = nameAddr.indexOf(";tag=");
        assertTrue(i >= 0, nameAddr);
        String rest = nameAddr.substring(i + 5);
        int end = rest.indexOf(';');
        return end < 0 ? rest : rest.substring(0, end);
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void attendedTransfer_bobReplacesAlicesConsultation_andTalksToCarol(double loss) {
        Office o = new Office(51, loss);
        Call[] ab = o.connect(o.alice, o.bob, Office.BOB);
        Call first = ab[0];
        Call bobOld = ab[1];
        Call[] ac = o.connect(o.alice, o.carol, Office.CAROL);
        Call consultation = ac[0];
        Call carolOld = ac[1];

        CompletableFuture<TransferProgress> transfer = first.attendedTransfer(consultation).toCompletableFuture();
        assertTrue(o.lab.runUntil(() -> transfer.isDone() && first.state() == CallState.ENDED
                && consultation.state() == CallState.ENDED && bobOld.state() == CallState.ENDED
                && carolOld.state() == CallState.ENDED, 60_000), "both of alice's calls end");

        assertTrue(transfer.join().succeeded(), transfer.join()::toString);
        assertEquals(EndCause.TRANSFERRED, first.end().orElseThrow().cause());
        assertEquals(EndCause.TRANSFERRED, consultation.end().orElseThrow().cause(), "carol ended it after the swap");
        assertEquals(EndCause.TRANSFERRED, bobOld.end().orElseThrow().cause());
        assertEquals(EndCause.REPLACED, carolOld.end().orElseThrow().cause());
        // Carol is told of a replacement, not of a new incoming call.
        assertEquals(1, o.carol.events.incoming.size());
        assertEquals(1, o.carol.events.transferred.size());
        assertSame(carolOld, o.carol.events.transferred.get(0)[0]);
        Call carolNew = o.carol.events.transferred.get(0)[1];
        Call bobNew = o.bob.events.transferred.get(0)[1];
        assertEquals(CallState.CONNECTED, carolNew.state());
        assertEquals(CallState.CONNECTED, bobNew.state());
        assertEquals("sip:bob@parley.test", carolNew.remote().uri());
        assertEquals(List.of(), o.alice.phone.calls());
        assertEquals(List.of(carolNew), o.carol.phone.calls());

        // The right two talk: both took over their old call's audio.
        o.lab.time.advance(1_000);
        assertTrue(o.carol.heard(o.bob.toneHz), "carol hears bob");
        assertTrue(o.bob.heard(o.carol.toneHz), "bob hears carol");
        assertTrue(o.bob.silentAt(o.alice.toneHz) && o.carol.silentAt(o.alice.toneHz), "alice is gone");

        // Wire. The consultation dialog as carol sees it: her tag (To of her 200) and alice's (From).
        String consultInvite = o.requests(5070, "INVITE").stream()
                .filter(m -> m.startsWith("5070 INVITE sip:carol@")).findFirst().orElseThrow();
        String callId = Office.header(consultInvite, "Call-ID");
        String aliceTag = tag(Office.header(consultInvite, "From"));
        int carolOk = o.firstIndex("5090 SIP/2.0 200 OK", "Call-ID: " + callId);
        String carolTag = tag(Office.header(o.wire.get(carolOk), "To"));
        // RFC 3891 §6.1 in a URI header (RFC 3261 §19.1.1): ';', '=' and '@' escaped.
        String refer = o.requests(5070, "REFER").get(0);
        String escaped = callId.replace("@", "%40") + "%3Bto-tag%3D" + carolTag + "%3Bfrom-tag%3D" + aliceTag;
        assertEquals("<sip:carol@127.0.0.1:5090?Replaces=" + escaped + ">", Office.header(refer, "Refer-To"));
        assertEquals("<sip:alice@parley.test>", Office.header(refer, "Referred-By"));
        // RFC 5589 §7.1: the first call's hold was acknowledged before the REFER left.
        String firstId = Office.header(refer, "Call-ID");
        String hold = o.requests(5070, "INVITE").stream()
                .filter(m -> m.contains("Call-ID: " + firstId) && m.contains("a=sendonly")).findFirst().orElseThrow();
        int holdOk = o.firstIndex("5080 SIP/2.0 200", "CSeq: " + Office.header(hold, "CSeq"));
        assertTrue(holdOk >= 0 && holdOk < o.firstIndex("5070 REFER ", ""), "REFER only after the hold's 200");
        // Bob's INVITE to carol carries the decoded Replaces and alice's Referred-By.
        String bobInvite = o.requests(5080, "INVITE").get(0);
        assertEquals(callId + ";to-tag=" + carolTag + ";from-tag=" + aliceTag, Office.header(bobInvite, "Replaces"));
        assertEquals("<sip:alice@parley.test>", Office.header(bobInvite, "Referred-By"));
        // Carol ended the replaced dialog herself (RFC 3891 §3); alice BYEd only the first call.
        assertTrue(o.requests(5090, "BYE").stream().anyMatch(m -> m.contains("Call-ID: " + callId)));
        assertTrue(o.requests(5070, "BYE").stream().noneMatch(m -> m.contains("Call-ID: " + callId)));
        List<String> notifies = o.requests(5080, "NOTIFY");
        assertEquals("SIP/2.0 100 Trying\r\n", Office.body(notifies.get(0)));
        assertEquals("SIP/2.0 200 OK\r\n", Office.body(notifies.get(notifies.size() - 1)));
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void replacedDialogAlreadyGone_targetAnswers481_andTheFirstCallComesBack(double loss) {
        Office o = new Office(52, loss);
        Call[] ab = o.connect(o.alice, o.bob, Office.BOB);
        Call first = ab[0];
        Call[] ac = o.connect(o.alice, o.carol, Office.CAROL);
        // Carol has hung up, but her BYEs never reach alice: alice's REFER names a dialog carol has forgotten.
        o.lab.sip.filter((from, to, payload) -> from.address().getPort() == 5090
                && new String(payload, java.nio.charset.StandardCharsets.UTF_8).startsWith("BYE ")
                ? dev.parley.sip.transport.InMemoryNetwork.Fate.DROP : null);
        ac[1].hangUp();
        assertEquals(CallState.ENDED, ac[1].state());
        ac[0].audioSink(new dev.parley.ua.fixture.CapturingSink(160)); // alice's ear stays on the first call
        CompletableFuture<TransferProgress> transfer = first.attendedTransfer(ac[0]).toCompletableFuture();
        assertTrue(o.lab.runUntil(() -> transfer.isDone() && first.state() == CallState.CONNECTED
                && ab[1].state() == CallState.CONNECTED, 60_000), "the transfer fails, the hold is lifted");
        assertEquals(481, transfer.join().statusCode());
        assertTrue(o.wire.stream().anyMatch(m -> m.startsWith("5090 SIP/2.0 481 ")), "RFC 3891 §3: no match, 481");
        o.lab.time.advance(2_000); // the receiver re-synchronises to bob's stream after the hold
        assertTrue(o.alice.heard(o.bob.toneHz), "alice hears bob again");
        assertTrue(o.bob.heard(o.alice.toneHz), "bob hears alice again");
    }
}
