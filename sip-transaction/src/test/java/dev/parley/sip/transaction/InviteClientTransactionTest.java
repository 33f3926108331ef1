package dev.parley.sip.transaction;

import static dev.parley.sip.transaction.Harness.requestNamed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3261 §17.1.1, Figure 5, with RFC 6026 §8.4; instants per Table 4 with T1 = 500 ms. */
class InviteClientTransactionTest {

    private final Harness h = new Harness();
    private final TestRequest invite = TestRequest.invite("z9hG4bK-ict");

    @Test
    void timerA_doublesWithoutLimitUntilTimerB() {
        ClientTransaction tx = h.layer.sendRequest(invite, Harness.UDP_PEER, h.recorder());
        h.time.advance(40_000);
        // RFC 3261 §17.1.1.2: retransmit at T1, 3T1, 7T1, ... until B = 64*T1.
        assertEquals(List.of(0L, 500L, 1500L, 3500L, 7500L, 15500L, 31500L), h.sendTimes(requestNamed("INVITE")));
        assertEquals(List.of("timeout", "terminated"), h.seenNames());
        assertEquals(32_000, h.seen.get(0).at());
        assertTrue(tx.isTerminated());
        assertEquals(0, h.layer.size());
        assertEquals(0, h.time.pendingTimers());
    }

    @Test
    void timerA_followsT1() {
        Harness fast = new Harness(TimerConfig.DEFAULT.withT1(100));
        fast.layer.sendRequest(invite, Harness.UDP_PEER, fast.recorder());
        fast.time.advance(10_000);
        assertEquals(List.of(0L, 100L, 300L, 700L, 1500L, 3100L, 6300L), fast.sendTimes(requestNamed("INVITE")));
        assertEquals(6_400, fast.seen.get(0).at());
    }

    @Test
    void reliableTransport_noRetransmissionsAndTimerB() {
        h.layer.sendRequest(invite, Harness.TCP_PEER, h.recorder());
        h.time.advance(40_000);
        assertEquals(List.of(0L), h.sendTimes(requestNamed("INVITE")));
        assertEquals(32_000, h.seen.get(0).at());
        assertEquals("timeout", h.seen.get(0).what());
    }

    @Test
    void provisional_stopsRetransmissionsAndTimerB() {
        InviteClientTransaction<?, ?> tx = (InviteClientTransaction<?, ?>) h.layer.sendRequest(invite, Harness.UDP_PEER, h.recorder());
        h.time.advance(700);
        h.layer.receiveResponse(TestResponse.to(invite, 180));
        h.layer.receiveResponse(TestResponse.to(invite, 183));
        h.time.advance(60_000);
        assertEquals(List.of(0L, 500L), h.sendTimes(requestNamed("INVITE")));
        assertEquals(List.of("response 180", "response 183"), h.seenNames());
        assertEquals(InviteClientTransaction.State.PROCEEDING, tx.state());
        assertEquals("INVITE client PROCEEDING", tx.describe());
    }

    @Test
    void finalNon2xx_sendsAckBuiltByTransactionAndWaitsTimerD() {
        h.layer.sendRequest(invite, Harness.UDP_PEER, h.recorder());
        h.time.advance(100);
        h.layer.receiveResponse(TestResponse.to(invite, 180));
        h.time.advance(900);
        TestResponse busy = TestResponse.to(invite, 486);
        h.layer.receiveResponse(busy);
        TestRequest ack = (TestRequest) h.sent.get(1).message();
        // RFC 3261 §17.1.1.3: same branch, Call-ID, From, CSeq number as the INVITE; To of the response.
        assertEquals(new TestRequest("ACK", "z9hG4bK-ict", invite.sentBy(), 1, invite.callId(), "ft", "uas-tag", invite.uri()), ack);
        h.time.advance(5_000);
        h.layer.receiveResponse(busy);
        assertEquals(List.of(1000L, 6000L), h.sendTimes(requestNamed("ACK")));
        h.time.advance(26_999);
        assertEquals(List.of("response 180", "response 486"), h.seenNames());
        h.time.advance(1);
        // RFC 3261 Table 4: timer D = 32 s after entering Completed at 1000.
        assertEquals(new Harness.Seen(33_000, "terminated", null), h.seen.get(2));
        assertEquals(0, h.time.pendingTimers());
    }

    @Test
    void finalNon2xxOverReliable_terminatesAtOnce() {
        ClientTransaction tx = h.layer.sendRequest(invite, Harness.TCP_PEER, h.recorder());
        h.layer.receiveResponse(TestResponse.to(invite, 603));
        assertEquals(List.of(0L), h.sendTimes(requestNamed("ACK")));
        assertEquals(List.of("response 603", "terminated"), h.seenNames());
        assertTrue(tx.isTerminated());
    }

    @Test
    void twoHundred_entersAcceptedPassesEvery2xxAndEndsWithTimerM() {
        ClientTransaction tx = h.layer.sendRequest(invite, Harness.UDP_PEER, h.recorder());
        h.time.advance(200);
        TestResponse ok = TestResponse.to(invite, 200);
        h.layer.receiveResponse(ok);
        assertEquals("INVITE client ACCEPTED M@32200", tx.describe());
        h.time.advance(1000);
        h.layer.receiveResponse(ok);
        h.layer.receiveResponse(TestResponse.to(invite, 180));
        h.time.advance(30_999);
        assertEquals(List.of("response 200", "response 200"), h.seenNames());
        h.time.advance(1);
        assertEquals(List.of("response 200", "response 200", "terminated"), h.seenNames());
        // The transaction never ACKs a 2xx (the TU does, RFC 3261 §13.2.2.4), nor retransmits after it.
        assertEquals(List.of(), h.sendTimes(requestNamed("ACK")));
        assertEquals(List.of(0L), h.sendTimes(requestNamed("INVITE")));
    }

    @Test
    void transportErrorOnFirstSend_reachesTuAndTerminates() {
        h.failSends = true;
        ClientTransaction tx = h.layer.sendRequest(invite, Harness.UDP_PEER, h.recorder());
        assertEquals(List.of("transport-error", "terminated"), h.seenNames());
        assertTrue(tx.isTerminated());
        assertEquals(0, h.time.pendingTimers());
        assertEquals(0, h.layer.size());
    }

    @Test
    void transportErrorOnRetransmission_reachesTu() {
        h.layer.sendRequest(invite, Harness.UDP_PEER, h.recorder());
        h.time.advance(499);
        h.failSends = true;
        h.time.advance(1);
        assertEquals(List.of("transport-error", "terminated"), h.seenNames());
        assertEquals(500, h.seen.get(0).at());
    }

    @Test
    void responseForAnotherMethodWithSameBranch_doesNotMatch() {
        h.layer.sendRequest(invite, Harness.UDP_PEER, h.recorder());
        // RFC 3261 §17.1.3: the CSeq method must match too (a CANCEL shares the INVITE's branch).
        h.layer.receiveResponse(TestResponse.to(invite.withMethod("CANCEL"), 200));
        assertEquals(List.of(), h.seenNames());
        assertEquals(1, h.layer.strayResponses());
    }
}
