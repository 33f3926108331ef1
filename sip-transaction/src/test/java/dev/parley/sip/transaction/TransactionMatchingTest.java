package dev.parley.sip.transaction;

import static dev.parley.sip.transaction.Harness.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3261 §17.2.3 (with the RFC 2543 fallback), §9.2 CANCEL, and the bounds of the layer. */
class TransactionMatchingTest {

    private final Harness h = new Harness();
    private final TestRequest invite = TestRequest.invite("z9hG4bK-m1");

    @Test
    void sameBranchDifferentSentBy_isANewTransaction() {
        h.layer.receiveRequest(invite, Harness.UDP_PEER);
        h.layer.receiveRequest(invite.withSentBy("10.0.0.9:5060"), Harness.UDP_PEER);
        assertEquals(2, h.servers.size());
    }

    @Test
    void sameBranchDifferentMethod_isANewTransaction() {
        TestRequest options = TestRequest.request("OPTIONS", "z9hG4bK-m2");
        h.layer.receiveRequest(options, Harness.UDP_PEER);
        h.layer.receiveRequest(options.withMethod("INFO"), Harness.UDP_PEER);
        assertEquals(2, h.servers.size());
    }

    @Test
    void ackForNon2xx_matchesTheInviteTransaction() {
        h.layer.receiveRequest(invite, Harness.UDP_PEER);
        h.servers.get(0).respond(TestResponse.to(invite, 480));
        h.layer.receiveRequest(invite.withMethod("ACK").withToTag("uas-tag"), Harness.UDP_PEER);
        assertEquals("INVITE server CONFIRMED I@5000", h.servers.get(0).describe());
        assertEquals(List.of("request"), h.seenNames());
    }

    @Test
    void ackWithNewBranch_goesToTheTuCore() {
        h.layer.receiveRequest(invite, Harness.UDP_PEER);
        h.servers.get(0).respond(TestResponse.to(invite, 200));
        h.layer.receiveRequest(invite.withMethod("ACK").withBranch("z9hG4bK-ack2xx").withToTag("uas-tag"), Harness.UDP_PEER);
        assertEquals(List.of("request", "ack"), h.seenNames());
    }

    @Test
    void rfc2543Request_matchedByUriTagsCallIdCseqAndVia() {
        TestRequest old = invite.withBranch(null);
        h.layer.receiveRequest(old, Harness.UDP_PEER);
        h.layer.receiveRequest(old, Harness.UDP_PEER);
        assertEquals(1, h.servers.size());
        h.servers.get(0).respond(TestResponse.to(old, 486));
        // The retransmission gets the final response again.
        h.layer.receiveRequest(old, Harness.UDP_PEER);
        assertEquals(2, h.sendTimes(status(486)).size());
        // An ACK with the To tag of the response completes it; one with another tag does not match.
        h.layer.receiveRequest(old.withMethod("ACK").withToTag("other"), Harness.UDP_PEER);
        assertEquals(List.of("request", "ack"), h.seenNames());
        h.layer.receiveRequest(old.withMethod("ACK").withToTag("uas-tag"), Harness.UDP_PEER);
        assertTrue(h.servers.get(0).describe().startsWith("INVITE server CONFIRMED"));
    }

    @Test
    void rfc2543Request_withAnotherToTag_isANewTransaction() {
        TestRequest old = TestRequest.request("BYE", null).withToTag("a");
        h.layer.receiveRequest(old, Harness.UDP_PEER);
        h.layer.receiveRequest(old.withToTag("b"), Harness.UDP_PEER);
        assertEquals(2, h.servers.size());
    }

    @Test
    void cancel_isAnswered200AndReachesTheTuWhichAnswers487() {
        h.layer.receiveRequest(invite, Harness.UDP_PEER);
        ServerTransaction<TestRequest, TestResponse> ist = h.servers.get(0);
        ist.respond(TestResponse.to(invite, 180));
        TestRequest cancel = invite.withMethod("CANCEL");
        h.layer.receiveRequest(cancel, Harness.UDP_PEER);
        assertEquals(List.of("request", "cancel"), h.seenNames());
        TestResponse answer = (TestResponse) h.sent.get(1).message();
        assertEquals(200, answer.status());
        assertEquals("CANCEL", answer.cseqMethod());
        ist.respond(TestResponse.to(invite, 487));
        assertEquals(1, h.sendTimes(status(487)).size());
        // A retransmitted CANCEL is absorbed by its own transaction: 200 again, no second event.
        h.layer.receiveRequest(cancel, Harness.UDP_PEER);
        assertEquals(2, h.sendTimes(status(200)).size());
        assertEquals(List.of("request", "cancel"), h.seenNames());
    }

    @Test
    void cancelWithoutTransaction_isAnswered481() {
        h.layer.receiveRequest(invite.withMethod("CANCEL"), Harness.UDP_PEER);
        assertEquals(List.of(0L), h.sendTimes(status(481)));
        assertEquals(List.of(), h.seenNames());
    }

    @Test
    void cancelAfterFinalResponse_isAnswered200WithoutEffect() {
        h.layer.receiveRequest(invite, Harness.UDP_PEER);
        h.servers.get(0).respond(TestResponse.to(invite, 200));
        h.layer.receiveRequest(invite.withMethod("CANCEL"), Harness.UDP_PEER);
        assertEquals(List.of("request"), h.seenNames());
        assertEquals(2, h.sendTimes(status(200)).size());
    }

    @Test
    void cancelOfNonInvite_matchesItToo() {
        TestRequest options = TestRequest.request("OPTIONS", "z9hG4bK-m3");
        h.layer.receiveRequest(options, Harness.UDP_PEER);
        h.layer.receiveRequest(options.withMethod("CANCEL"), Harness.UDP_PEER);
        assertEquals(List.of("request", "cancel"), h.seenNames());
    }

    @Test
    void fullTable_answers503WithoutState() {
        Harness small = new Harness();
        TransactionLayer<TestRequest, TestResponse> layer =
                new TransactionLayer<>(small.time, TimerConfig.DEFAULT, new TestOps(), small, small, 2);
        layer.receiveRequest(TestRequest.invite("z9hG4bK-1"), Harness.UDP_PEER);
        layer.receiveRequest(TestRequest.invite("z9hG4bK-2"), Harness.UDP_PEER);
        layer.receiveRequest(TestRequest.invite("z9hG4bK-3"), Harness.UDP_PEER);
        assertEquals(2, layer.size());
        assertEquals(1, layer.rejectedRequests());
        assertEquals(List.of(0L), small.sendTimes(status(503)));
    }

    @Test
    void strayResponse_isDroppedAndCounted() {
        h.layer.receiveResponse(TestResponse.to(invite, 200));
        assertEquals(1, h.layer.strayResponses());
        assertEquals(List.of(), h.seenNames());
    }
}
