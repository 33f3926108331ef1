package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sip.message.SipMessage;
import dev.parley.sip.message.SipParser;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.ua.fixture.Lab;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@code traceSip(true)} reports every SIP datagram, in wire order, to {@link PhoneListener#onSipPacket}. */
class SipTraceTest {

    private static final class Phone implements PhoneListener {
        final List<String> trace = new ArrayList<>();
        final List<Call> incoming = new ArrayList<>();
        final PhoneLine line;

        Phone(Lab lab, String user, int port, boolean traced) {
            SoftPhone phone = lab.phoneAt(port)
                    .traceSip(traced)
                    .listener(this)
                    .build();
            line = phone.addLine(LineConfig.builder(user, "parley.test").registrationRequired(false).build());
        }

        @Override
        public void onSipPacket(SipPacket packet) {
            SipMessage m = new SipParser().parse(packet.bytes());
            String what = m instanceof SipRequest r ? r.method() : String.valueOf(((SipResponse) m).statusCode());
            trace.add((packet.outgoing() ? "> " : "< ") + what + " " + m.cseq().method() + " "
                    + packet.remote().address().getPort());
        }

        @Override
        public void onIncomingCall(Call call) {
            incoming.add(call);
        }
    }

    @Test
    void tracedPhone_seesEveryMessageOfACallInWireOrder_untracedSeesNone() {
        Lab lab = new Lab(11, 0.0);
        Phone alice = new Phone(lab, "alice", 5070, true);
        Phone bob = new Phone(lab, "bob", 5080, false);
        Call out = alice.line.newCall("sip:bob@127.0.0.1:5080");
        CompletableFuture<Call> answered = out.start().toCompletableFuture();
        assertTrue(lab.runUntil(() -> !bob.incoming.isEmpty(), 20_000));
        bob.incoming.get(0).answer();
        assertTrue(lab.runUntil(answered::isDone, 20_000));
        CompletableFuture<CallEnd> ended = out.hangUp().toCompletableFuture();
        assertTrue(lab.runUntil(ended::isDone, 20_000));
        // The call ends when the BYE goes out; its 200 arrives a moment later.
        assertTrue(lab.runUntil(() -> alice.trace.contains("< 200 BYE 5080"), 20_000), alice.trace.toString());

        List<String> calls = alice.trace.stream().filter(t -> !t.contains("OPTIONS")).toList();
        assertEquals("> INVITE INVITE 5080", calls.get(0));
        assertTrue(calls.contains("< 180 INVITE 5080"), calls.toString());
        int ok = calls.indexOf("< 200 INVITE 5080");
        int ack = calls.indexOf("> ACK ACK 5080");
        int bye = calls.indexOf("> BYE BYE 5080");
        assertTrue(ok > 0 && ack > ok && bye > ack, calls.toString());
        assertEquals("< 200 BYE 5080", calls.get(calls.size() - 1));
        assertTrue(bob.trace.isEmpty(), "tracing is opt-in");
    }
}
