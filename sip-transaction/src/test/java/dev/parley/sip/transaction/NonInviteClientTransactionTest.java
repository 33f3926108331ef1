package dev.parley.sip.transaction;

import static dev.parley.sip.transaction.Harness.requestNamed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3261 §17.1.2, Figure 6; instants per Table 4 with T1 = 500 ms, T2 = 4 s, T4 = 5 s. */
class NonInviteClientTransactionTest {

    private final Harness h = new Harness();
    private final TestRequest register = TestRequest.request("REGISTER", "z9hG4bK-nict");

    @Test
    void timerE_doublesUntilT2ThenTimerF() {
        h.layer.sendRequest(register, Harness.UDP_PEER, h.recorder());
        h.time.advance(40_000);
        assertEquals(List.of(0L, 500L, 1500L, 3500L, 7500L, 11500L, 15500L, 19500L, 23500L, 27500L, 31500L),
                h.sendTimes(requestNamed("REGISTER")));
        assertEquals(List.of("timeout", "terminated"), h.seenNames());
        assertEquals(32_000, h.seen.get(0).at());
        assertEquals(0, h.time.pendingTimers());
    }

    @Test
    void timerE_inProceedingUsesT2() {
        NonInviteClientTransaction<?, ?> tx = (NonInviteClientTransaction<?, ?>) h.layer.sendRequest(register, Harness.UDP_PEER, h.recorder());
        h.time.advance(600);
        h.layer.receiveResponse(TestResponse.to(register, 100));
        assertEquals(NonInviteClientTransaction.State.PROCEEDING, tx.state());
        h.time.advance(10_000);
        // E pending since 500 fires at 1500, then every T2.
        assertEquals(List.of(0L, 500L, 1500L, 5500L, 9500L), h.sendTimes(requestNamed("REGISTER")));
    }

    @Test
    void finalResponse_completesAbsorbsRetransmissionsAndEndsWithTimerK() {
        NonInviteClientTransaction<?, ?> tx = (NonInviteClientTransaction<?, ?>) h.layer.sendRequest(register, Harness.UDP_PEER, h.recorder());
        h.time.advance(1000);
        TestResponse ok = TestResponse.to(register, 200);
        h.layer.receiveResponse(ok);
        assertEquals("REGISTER client COMPLETED K@6000", tx.describe());
        h.layer.receiveResponse(ok);
        h.time.advance(4_999);
        assertEquals(List.of("response 200"), h.seenNames());
        h.time.advance(1);
        assertEquals(List.of("response 200", "terminated"), h.seenNames());
        assertEquals(List.of(0L, 500L), h.sendTimes(requestNamed("REGISTER")));
    }

    @Test
    void reliableTransport_oneSendAndTimerKZero() {
        h.layer.sendRequest(register, Harness.TCP_PEER, h.recorder());
        h.time.advance(20_000);
        h.layer.receiveResponse(TestResponse.to(register, 401));
        assertEquals(List.of(0L), h.sendTimes(requestNamed("REGISTER")));
        assertEquals(List.of("response 401", "terminated"), h.seenNames());
    }

    @Test
    void reliableTransport_timerFStillRuns() {
        h.layer.sendRequest(register, Harness.TCP_PEER, h.recorder());
        h.time.advance(40_000);
        assertEquals(32_000, h.seen.get(0).at());
        assertEquals("timeout", h.seen.get(0).what());
    }

    @Test
    void transportError_inProceedingReachesTu() {
        h.layer.sendRequest(register, Harness.UDP_PEER, h.recorder());
        h.layer.receiveResponse(TestResponse.to(register, 100));
        h.failSends = true;
        h.time.advance(500);
        assertEquals(List.of("response 100", "transport-error", "terminated"), h.seenNames());
    }

    @Test
    void ack_isRefusedAsAClientTransaction() {
        assertThrows(IllegalArgumentException.class,
                () -> h.layer.sendRequest(register.withMethod("ACK"), Harness.UDP_PEER, h.recorder()));
    }

    @Test
    void duplicateBranch_isRefused() {
        h.layer.sendRequest(register, Harness.UDP_PEER, h.recorder());
        assertThrows(IllegalArgumentException.class, () -> h.layer.sendRequest(register, Harness.UDP_PEER, h.recorder()));
    }
}
