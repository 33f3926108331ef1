package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.AudioCodec;
import dev.parley.codecs.Codecs;
import dev.parley.codecs.ToneMeter;
import dev.parley.sip.transaction.TimerConfig;
import dev.parley.ua.fixture.CapturingSink;
import dev.parley.ua.fixture.Lab;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Two phones calling each other over the in-memory network in virtual time, with and without 10% SIP loss. */
class CallFlowTest {

    /** A phone with one line that does not register (calls go straight to the other phone's address). */
    private static final class Phone {
        final Lab.Recorder events = new Lab.Recorder();
        final SoftPhone phone;
        final PhoneLine line;

        Phone(Lab lab, String user, AudioCodec... codecs) {
            phone = SoftPhone.builder()
                    .inMemory(lab.sip, lab.media, lab.time)
                    .sipAddress("127.0.0.1", user.equals("alice") ? 5070 : 5080)
                    .random(new SplittableRandom(user.hashCode()))
                    .codecs(codecs)
                    .listener(events)
                    .build();
            line = phone.addLine(LineConfig.builder(user, "parley.test").registrationRequired(false).build());
        }
    }

    private static final String BOB = "sip:bob@127.0.0.1:5080";

    static Stream<Arguments> codecsAndLoss() {
        return Stream.of(Codecs.G722, Codecs.PCMU, Codecs.PCMA)
                .flatMap(c -> Stream.of(Arguments.of(c, 0.0), Arguments.of(c, 0.1)));
    }

    @ParameterizedTest(name = "{0}, SIP loss {1}")
    @MethodSource("codecsAndLoss")
    void answeredCall_tonesFlowBothWays_withTheNegotiatedCodec_thenBye(AudioCodec codec, double loss) {
        Lab lab = new Lab(21, loss);
        Phone alice = new Phone(lab, "alice", codec);
        Phone bob = new Phone(lab, "bob", Codecs.G722, Codecs.PCMU, Codecs.PCMA);
        CapturingSink aliceHears = new CapturingSink(16000);
        CapturingSink bobHears = new CapturingSink(16000);

        Call out = alice.line.newCall(BOB);
        out.audioSource(AudioSources.tone(0.5, 1000));
        out.audioSink(aliceHears);
        CompletableFuture<Call> answered = out.start().toCompletableFuture();
        assertTrue(lab.runUntil(() -> !bob.events.incoming.isEmpty(), 10_000), "bob is rung");
        Call in = bob.events.incoming.get(0);
        assertEquals(CallState.INCOMING, in.state());
        assertEquals("sip:alice@parley.test", in.remote().uri());
        in.audioSource(AudioSources.tone(0.5, 1500));
        in.audioSink(bobHears);
        CompletableFuture<Call> accepted = in.answer().toCompletableFuture();
        assertTrue(lab.runUntil(() -> answered.isDone() && accepted.isDone(), 40_000));
        assertEquals(CallState.CONNECTED, out.state());
        assertEquals(CallState.CONNECTED, in.state());
        assertEquals(codec.encodingName(), out.codec().orElseThrow().encodingName());
        assertEquals(codec.encodingName(), in.codec().orElseThrow().encodingName());

        lab.time.advance(1_000);
        int rate = codec.sampleRate();
        assertEquals(rate, bobHears.sampleRate());
        short[] atBob = bobHears.last(rate / 2);
        short[] atAlice = aliceHears.last(rate / 2);
        assertTrue(ToneMeter.relativePower(atBob, 0, atBob.length, rate, 1000) > 0.3, "bob hears alice's 1000 Hz");
        assertTrue(ToneMeter.relativePower(atBob, 0, atBob.length, rate, 1500) < 0.02, "bob does not hear himself");
        assertTrue(ToneMeter.relativePower(atAlice, 0, atAlice.length, rate, 1500) > 0.3, "alice hears bob's 1500 Hz");

        CompletableFuture<CallEnd> aliceEnd = out.hangUp().toCompletableFuture();
        CompletableFuture<CallEnd> bobEnd = in.ended().toCompletableFuture();
        assertTrue(lab.runUntil(() -> aliceEnd.isDone() && bobEnd.isDone(), 40_000));
        assertEquals(EndCause.LOCAL_HANGUP, aliceEnd.join().cause());
        assertEquals(EndCause.REMOTE_HANGUP, bobEnd.join().cause());
        assertTrue(aliceHears.closed() && bobHears.closed(), "sinks are closed when the call ends");
        assertEquals(List.of("OUTGOING:CALLING", "OUTGOING:RINGING", "OUTGOING:CONNECTED", "OUTGOING:ENDED"),
                alice.events.callStates);
        assertEquals(List.of("INCOMING:INCOMING", "INCOMING:CONNECTED", "INCOMING:ENDED"), bob.events.callStates);
        assertEquals(List.of(), alice.phone.calls());
        assertEquals(List.of(), bob.phone.calls());
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void cancelBeforeAnswer_endsBothSidesWith487(double loss) {
        Lab lab = new Lab(22, loss);
        Phone alice = new Phone(lab, "alice", Codecs.PCMU);
        Phone bob = new Phone(lab, "bob", Codecs.PCMU);
        Call out = alice.line.newCall(BOB);
        CompletableFuture<Call> started = out.start().toCompletableFuture();
        assertTrue(lab.runUntil(() -> out.state() == CallState.RINGING, 20_000));
        Call in = bob.events.incoming.get(0);
        out.hangUp();
        assertTrue(lab.runUntil(() -> out.state() == CallState.ENDED && in.state() == CallState.ENDED, 40_000));
        assertEquals(new CallEnd(EndCause.CANCELLED, 487, "Request Terminated"), out.end().orElseThrow());
        assertEquals(EndCause.CANCELLED_BY_REMOTE, in.end().orElseThrow().cause());
        assertTrue(started.isCompletedExceptionally(), "start() fails with CallEndedException");
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void reject486_isReportedWithCodeAndReason(double loss) {
        Lab lab = new Lab(23, loss);
        Phone alice = new Phone(lab, "alice", Codecs.PCMU);
        Phone bob = new Phone(lab, "bob", Codecs.PCMU);
        Call out = alice.line.newCall(BOB);
        out.start();
        assertTrue(lab.runUntil(() -> !bob.events.incoming.isEmpty(), 20_000));
        bob.events.incoming.get(0).reject(486);
        assertTrue(lab.runUntil(() -> out.state() == CallState.ENDED, 40_000));
        assertEquals(new CallEnd(EndCause.REMOTE_REJECTED, 486, "Busy Here"), out.end().orElseThrow());
        assertEquals(new CallEnd(EndCause.REJECTED, 486, "Busy Here"), bob.events.incoming.get(0).end().orElseThrow());
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void doNotDisturb_answers486WithoutRinging(double loss) {
        Lab lab = new Lab(24, loss);
        Phone alice = new Phone(lab, "alice", Codecs.PCMU);
        Phone bob = new Phone(lab, "bob", Codecs.PCMU);
        bob.line.doNotDisturb(true);
        Call out = alice.line.newCall(BOB);
        out.start();
        assertTrue(lab.runUntil(() -> out.state() == CallState.ENDED, 40_000));
        assertEquals(486, out.end().orElseThrow().statusCode());
        assertEquals(List.of(), bob.events.incoming, "a DND call is never offered to the application");
        assertEquals(List.of("INCOMING:ENDED"), bob.events.callStates.subList(0, 1));
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void noCommonCodec_488(double loss) {
        Lab lab = new Lab(25, loss);
        Phone alice = new Phone(lab, "alice", Codecs.PCMU);
        Phone bob = new Phone(lab, "bob", Codecs.G722);
        Call out = alice.line.newCall(BOB);
        out.start();
        assertTrue(lab.runUntil(() -> out.state() == CallState.ENDED, 40_000));
        assertEquals(new CallEnd(EndCause.NO_COMMON_CODEC, 488, "Not Acceptable Here"), out.end().orElseThrow());
        assertEquals(List.of(), bob.events.incoming);
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void calleeHangsUp_callerSeesRemoteHangup_andCloseFreesEverything(double loss) {
        Lab lab = new Lab(26, loss);
        Phone alice = new Phone(lab, "alice", Codecs.PCMU);
        Phone bob = new Phone(lab, "bob", Codecs.PCMU);
        bob.line.autoAnswer(true);
        Call out = alice.line.newCall(BOB);
        CompletableFuture<Call> answered = out.start().toCompletableFuture();
        assertTrue(lab.runUntil(answered::isDone, 40_000));
        bob.phone.calls().get(0).hangUp();
        assertTrue(lab.runUntil(() -> out.state() == CallState.ENDED, 40_000));
        assertEquals(EndCause.REMOTE_HANGUP, out.end().orElseThrow().cause());

        CompletableFuture<Void> a = alice.phone.closeAsync().toCompletableFuture();
        CompletableFuture<Void> b = bob.phone.closeAsync().toCompletableFuture();
        assertTrue(lab.runUntil(() -> a.isDone() && b.isDone(), 60_000));
        lab.time.advance(40_000);
        assertEquals(0, lab.time.pendingTimers(), "no timer left behind");
        // Every SIP and RTP port is free again.
        lab.sip.bind(dev.parley.sip.transport.Endpoint.of(dev.parley.sip.transport.TransportKind.UDP, "127.0.0.1", 5070),
                (p, f) -> { }).close();
        lab.sip.bind(dev.parley.sip.transport.Endpoint.of(dev.parley.sip.transport.TransportKind.UDP, "127.0.0.1", 5080),
                (p, f) -> { }).close();
        lab.media.bind(dev.parley.sip.transport.Endpoint.of(dev.parley.sip.transport.TransportKind.UDP, "127.0.0.1", 16384),
                (p, f) -> { }).close();
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void phoneClosedDuringCall_sendsBye(double loss) {
        Lab lab = new Lab(27, loss);
        Phone alice = new Phone(lab, "alice", Codecs.PCMU);
        Phone bob = new Phone(lab, "bob", Codecs.PCMU);
        bob.line.autoAnswer(true);
        Call out = alice.line.newCall(BOB);
        CompletableFuture<Call> answered = out.start().toCompletableFuture();
        assertTrue(lab.runUntil(answered::isDone, 40_000));
        Call in = bob.phone.calls().get(0);
        alice.phone.close();
        assertTrue(lab.runUntil(() -> in.state() == CallState.ENDED, 40_000));
        assertEquals(EndCause.PHONE_CLOSED, out.end().orElseThrow().cause());
        assertEquals(EndCause.REMOTE_HANGUP, in.end().orElseThrow().cause());
    }

    static TimerConfig timers() {
        return TimerConfig.DEFAULT;
    }
}
