package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sip.message.SipMessage;
import dev.parley.sip.message.SipParser;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.ua.fixture.Lab;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Closing a phone right after hanging up still receives the answer to the BYE (RFC 3261 §15.1.1:
 * the socket stays open for it), with and without SIP loss; and {@link Call#mediaStatistics()}
 * counts the RTP of a call and keeps the final figures after it ended.
 */
class CloseAndFiguresTest {

    private static final class Phone implements PhoneListener {
        final List<String> received = new CopyOnWriteArrayList<>();
        final List<Call> incoming = new CopyOnWriteArrayList<>();
        final SoftPhone phone;
        final PhoneLine line;

        Phone(Lab lab, String user, int port) {
            phone = lab.phoneAt(port)
                    .traceSip(true)
                    .listener(this)
                    .build();
            line = phone.addLine(LineConfig.builder(user, "parley.test").registrationRequired(false).build());
        }

        @Override
        public void onSipPacket(SipPacket packet) {
            SipMessage m = new SipParser().parse(packet.bytes());
            if (!packet.outgoing() && m instanceof SipResponse r) {
                received.add(r.statusCode() + " " + r.cseq().method());
            } else if (!packet.outgoing() && m instanceof SipRequest r) {
                received.add(r.method());
            }
        }

        @Override
        public void onIncomingCall(Call call) {
            incoming.add(call);
            call.audioSource(AudioSources.tone(0.5, 1000));
            call.answer();
        }
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void closeRightAfterHangUp_waitsForTheAnswerToTheBye(double loss) {
        Lab lab = new Lab(21, loss);
        Phone alice = new Phone(lab, "alice", 5070);
        Phone bob = new Phone(lab, "bob", 5080);
        Call out = alice.line.newCall("sip:bob@127.0.0.1:5080");
        out.audioSource(AudioSources.tone(0.5, 700));
        CompletableFuture<Call> answered = out.start().toCompletableFuture();
        assertTrue(lab.runUntil(answered::isDone, 40_000));
        assertTrue(lab.runUntil(() -> bob.incoming.size() == 1 && bob.incoming.get(0).state() == CallState.CONNECTED, 40_000));

        out.hangUp();
        CompletableFuture<Void> closed = alice.phone.closeAsync().toCompletableFuture();
        assertTrue(lab.runUntil(closed::isDone, 40_000), "closed within Timer F");
        assertTrue(alice.received.contains("200 BYE"), "the 200 to the BYE arrived before the socket closed: " + alice.received);
        assertEquals(CallState.ENDED, bob.incoming.get(0).state());
    }

    @Test
    void mediaStatistics_countTheCallsRtp_andKeepTheFinalFiguresAfterTheEnd() {
        Lab lab = new Lab(22, 0.0);
        Phone alice = new Phone(lab, "alice", 5070);
        Phone bob = new Phone(lab, "bob", 5080);
        Call out = alice.line.newCall("sip:bob@127.0.0.1:5080");
        assertTrue(out.mediaStatistics().isEmpty(), "no media before the call starts");
        out.audioSource(AudioSources.tone(0.5, 700));
        CompletableFuture<Call> answered = out.start().toCompletableFuture();
        assertTrue(lab.runUntil(answered::isDone, 40_000));
        lab.time.advance(12_000); // 600 packets each way, and RTCP (5 s minimum interval) both ways

        MediaStatistics live = out.mediaStatistics().orElseThrow();
        assertTrue(live.packetsSent() >= 550 && live.packetsReceived() >= 550, live.toString());
        assertEquals(0, live.packetsLost(), live.toString());
        assertTrue(live.rtcpSent() >= 1 && live.rtcpReceived() >= 1, live.toString());
        assertTrue(live.jitterMillis() >= 0, live.toString());

        CompletableFuture<CallEnd> ended = out.hangUp().toCompletableFuture();
        assertTrue(lab.runUntil(ended::isDone, 10_000));
        MediaStatistics last = out.mediaStatistics().orElseThrow();
        assertTrue(last.packetsSent() >= live.packetsSent(), "final figures kept: " + last);
        lab.time.advance(2_000);
        assertEquals(last, out.mediaStatistics().orElseThrow(), "no longer counting after the end");
        assertFalse(bob.incoming.isEmpty());
    }
}
