package dev.parley.sip.transaction;

import static dev.parley.sip.transaction.Harness.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3261 §17.2.2, Figure 8; timer J per Table 4. */
class NonInviteServerTransactionTest {

    private final Harness h = new Harness();
    private final TestRequest options = TestRequest.request("OPTIONS", "z9hG4bK-nist");

    @Test
    void retransmission_inTryingIsDiscarded() {
        h.layer.receiveRequest(options, Harness.UDP_PEER);
        h.layer.receiveRequest(options, Harness.UDP_PEER);
        h.time.advance(5_000);
        assertEquals(List.of(), h.sent);
        assertEquals(List.of("request"), h.seenNames());
    }

    @Test
    void retransmission_inProceedingGetsLastProvisional() {
        h.layer.receiveRequest(options, Harness.UDP_PEER);
        h.servers.get(0).respond(TestResponse.to(options, 100));
        h.time.advance(10);
        h.layer.receiveRequest(options, Harness.UDP_PEER);
        assertEquals(List.of(0L, 10L), h.sendTimes(status(100)));
    }

    @Test
    void timerJ_absorbsRetransmissionsFor64T1() {
        h.layer.receiveRequest(options, Harness.UDP_PEER);
        ServerTransaction<TestRequest, TestResponse> tx = h.servers.get(0);
        h.time.advance(20);
        tx.respond(TestResponse.to(options, 200));
        assertEquals("OPTIONS server COMPLETED J@32020", tx.describe());
        assertFalse(tx.respond(TestResponse.to(options, 500)));
        h.time.advance(1000);
        h.layer.receiveRequest(options, Harness.UDP_PEER);
        h.time.advance(30_999);
        assertFalse(tx.isTerminated());
        h.time.advance(1);
        assertTrue(tx.isTerminated());
        assertEquals(List.of(20L, 1020L), h.sendTimes(status(200)));
        assertEquals(List.of(), h.sendTimes(status(500)));
        // After J the same request is a new transaction for the TU.
        h.layer.receiveRequest(options, Harness.UDP_PEER);
        assertEquals(List.of("request", "request"), h.seenNames());
    }

    @Test
    void reliableTransport_timerJZero() {
        h.layer.receiveRequest(options, Harness.TCP_PEER);
        ServerTransaction<TestRequest, TestResponse> tx = h.servers.get(0);
        tx.respond(TestResponse.to(options, 200));
        assertTrue(tx.isTerminated());
        assertEquals(0, h.layer.size());
    }

    @Test
    void transportError_reachesTu() {
        h.layer.receiveRequest(options, Harness.UDP_PEER);
        h.failSends = true;
        h.servers.get(0).respond(TestResponse.to(options, 200));
        assertEquals(List.of("request", "transport-error"), h.seenNames());
        assertEquals(0, h.time.pendingTimers());
    }
}
