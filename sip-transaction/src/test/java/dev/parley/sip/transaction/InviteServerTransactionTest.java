package dev.parley.sip.transaction;

import static dev.parley.sip.transaction.Harness.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3261 §17.2.1, Figure 7, with RFC 6026 §8.5–8.7; instants per Table 4. */
class InviteServerTransactionTest {

    private final Harness h = new Harness();
    private final TestRequest invite = TestRequest.invite("z9hG4bK-ist");
    private final TestRequest ack = new TestRequest("ACK", "z9hG4bK-ist", invite.sentBy(), 1, invite.callId(), "ft", "uas-tag", invite.uri());

    private ServerTransaction<TestRequest, TestResponse> receiveInvite() {
        h.layer.receiveRequest(invite, Harness.UDP_PEER);
        return h.servers.get(0);
    }

    @Test
    void trying_sentAfter200msWhenTuIsSilent() {
        receiveInvite();
        h.time.advance(199);
        assertEquals(List.of(), h.sent);
        h.time.advance(1);
        assertEquals(List.of(200L), h.sendTimes(status(100)));
        assertEquals(List.of("request"), h.seenNames());
    }

    @Test
    void trying_notSentWhenTuAnswersInTime() {
        ServerTransaction<TestRequest, TestResponse> tx = receiveInvite();
        h.time.advance(150);
        tx.respond(TestResponse.to(invite, 180));
        h.time.advance(1000);
        assertEquals(List.of(), h.sendTimes(status(100)));
        assertEquals(List.of(150L), h.sendTimes(status(180)));
    }

    @Test
    void inviteRetransmission_inProceedingGetsLatestProvisional() {
        ServerTransaction<TestRequest, TestResponse> tx = receiveInvite();
        h.layer.receiveRequest(invite, Harness.UDP_PEER);
        assertEquals(List.of(), h.sent);
        h.time.advance(300);
        h.layer.receiveRequest(invite, Harness.UDP_PEER);
        tx.respond(TestResponse.to(invite, 180));
        h.layer.receiveRequest(invite, Harness.UDP_PEER);
        assertEquals(List.of(200L, 300L), h.sendTimes(status(100)));
        assertEquals(List.of(300L, 300L), h.sendTimes(status(180)));
        assertEquals(List.of("request"), h.seenNames());
    }

    @Test
    void timerG_doublesUntilT2AndTimerHReportsMissingAck() {
        ServerTransaction<TestRequest, TestResponse> tx = receiveInvite();
        h.time.advance(100);
        tx.respond(TestResponse.to(invite, 486));
        h.time.advance(40_000);
        assertEquals(List.of(100L, 600L, 1600L, 3600L, 7600L, 11600L, 15600L, 19600L, 23600L, 27600L, 31600L),
                h.sendTimes(status(486)));
        assertEquals(List.of("request", "timeout"), h.seenNames());
        assertEquals(32_100, h.seen.get(1).at());
        assertTrue(tx.isTerminated());
        assertEquals(0, h.time.pendingTimers());
    }

    @Test
    void inviteRetransmission_inCompletedGetsFinalAgain() {
        ServerTransaction<TestRequest, TestResponse> tx = receiveInvite();
        tx.respond(TestResponse.to(invite, 404));
        h.time.advance(200);
        h.layer.receiveRequest(invite, Harness.UDP_PEER);
        assertEquals(List.of(0L, 200L), h.sendTimes(status(404)));
        assertEquals(List.of("request"), h.seenNames());
    }

    @Test
    void ack_confirmsStopsTimerGAndTimerIEnds() {
        ServerTransaction<TestRequest, TestResponse> tx = receiveInvite();
        tx.respond(TestResponse.to(invite, 486));
        h.time.advance(700);
        h.layer.receiveRequest(ack, Harness.UDP_PEER);
        assertEquals("INVITE server CONFIRMED I@5700", tx.describe());
        h.layer.receiveRequest(ack, Harness.UDP_PEER);
        h.time.advance(4_999);
        assertFalse(tx.isTerminated());
        h.time.advance(1);
        assertTrue(tx.isTerminated());
        assertEquals(List.of(0L, 500L), h.sendTimes(status(486)));
        // ACKs for a non-2xx belong to the transaction: the TU never sees them.
        assertEquals(List.of("request"), h.seenNames());
        assertEquals(0, h.layer.size());
    }

    @Test
    void reliableTransport_noTimerGAndTimerIZero() {
        h.layer.receiveRequest(invite, Harness.TCP_PEER);
        ServerTransaction<TestRequest, TestResponse> tx = h.servers.get(0);
        tx.respond(TestResponse.to(invite, 486));
        assertEquals("INVITE server COMPLETED H@32000", tx.describe());
        h.layer.receiveRequest(ack, Harness.TCP_PEER);
        assertTrue(tx.isTerminated());
        assertEquals(List.of(0L), h.sendTimes(status(486)));
    }

    @Test
    void twoHundred_entersAcceptedAbsorbsInvitesPassesAcksAndTimerLEnds() {
        ServerTransaction<TestRequest, TestResponse> tx = receiveInvite();
        h.time.advance(50);
        TestResponse ok = TestResponse.to(invite, 200);
        tx.respond(ok);
        assertEquals("INVITE server ACCEPTED L@32050", tx.describe());
        h.layer.receiveRequest(invite, Harness.UDP_PEER);
        // RFC 6026 §8.6: the TU retransmits its 2xx through the transaction.
        h.time.advance(500);
        assertTrue(tx.respond(ok));
        assertFalse(tx.respond(TestResponse.to(invite, 486)));
        h.layer.receiveRequest(ack, Harness.UDP_PEER);
        assertEquals(List.of(50L, 550L), h.sendTimes(status(200)));
        assertEquals(List.of("request", "ack"), h.seenNames());
        h.time.advance(31_499);
        assertFalse(tx.isTerminated());
        h.time.advance(1);
        assertTrue(tx.isTerminated());
        assertFalse(tx.respond(ok));
    }

    @Test
    void transportError_onFinalResponseReachesTu() {
        ServerTransaction<TestRequest, TestResponse> tx = receiveInvite();
        h.failSends = true;
        tx.respond(TestResponse.to(invite, 500));
        assertEquals(List.of("request", "transport-error"), h.seenNames());
        assertTrue(tx.isTerminated());
        assertEquals(0, h.time.pendingTimers());
    }
}
