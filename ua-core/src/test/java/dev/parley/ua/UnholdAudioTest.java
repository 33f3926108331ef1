package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.Codecs;
import dev.parley.codecs.ToneMeter;
import dev.parley.rtp.JitterBufferStats;
import dev.parley.ua.fixture.CapturingSink;
import dev.parley.ua.fixture.Lab;
import dev.parley.ua.internal.phone.CallImpl;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 5 between two phones in virtual time: after Alice holds Bob and takes the call off hold,
 * she hears Bob's tone again within 300 ms, not the length of the hold later, and her jitter
 * buffer counts no frame of the hold as lost.
 */
class UnholdAudioTest {

    private static final double BOB_TONE = 1700;

    private static PhoneLine line(Lab lab, String user, Lab.Recorder events) {
        SoftPhone phone = SoftPhone.builder()
                .inMemory(lab.sip, lab.media, lab.time)
                .sipAddress("127.0.0.1", user.equals("alice") ? 5070 : 5080)
                .random(new SplittableRandom(user.hashCode()))
                .codecs(Codecs.PCMU)
                .listener(events)
                .build();
        return phone.addLine(LineConfig.builder(user, "parley.test").registrationRequired(false).build());
    }

    private static double bobsTone(CapturingSink sink, int millis) {
        short[] last = sink.last(sink.sampleRate() * millis / 1000);
        return ToneMeter.relativePower(last, 0, last.length, sink.sampleRate(), BOB_TONE);
    }

    private static void complete(Lab lab, CompletableFuture<Call> stage) {
        assertTrue(lab.runUntil(stage::isDone, 60_000), "the re-INVITE completes");
        assertTrue(!stage.isCompletedExceptionally(), () -> "completed normally: " + stage);
    }

    @ParameterizedTest(name = "hold {0} ms")
    @ValueSource(ints = {500, 1000, 1500, 3000})
    void afterUnhold_theHeldPartyIsHeardWithin300ms_andTheHoldIsNotCountedLost(int holdMillis) {
        Lab lab = new Lab(41, 0.0);
        Lab.Recorder aliceEvents = new Lab.Recorder();
        Lab.Recorder bobEvents = new Lab.Recorder();
        PhoneLine alice = line(lab, "alice", aliceEvents);
        line(lab, "bob", bobEvents);
        CapturingSink aliceHears = new CapturingSink(16000);
        Call out = alice.newCall("sip:bob@127.0.0.1:5080");
        out.audioSource(AudioSources.tone(0.3, 1100));
        out.audioSink(aliceHears);
        CompletableFuture<Call> answered = out.start().toCompletableFuture();
        assertTrue(lab.runUntil(() -> !bobEvents.incoming.isEmpty(), 20_000), "bob is rung");
        Call in = bobEvents.incoming.get(0);
        in.audioSource(AudioSources.tone(0.3, BOB_TONE));
        CompletableFuture<Call> accepted = in.answer().toCompletableFuture();
        assertTrue(lab.runUntil(() -> answered.isDone() && accepted.isDone(), 40_000), "answered");
        lab.time.advance(1_000);
        assertTrue(bobsTone(aliceHears, 100) > 0.12, "alice hears bob before the hold");

        complete(lab, out.hold().toCompletableFuture());
        lab.time.advance(holdMillis);
        complete(lab, out.unhold().toCompletableFuture());
        assertEquals(CallState.CONNECTED, out.state());
        lab.time.advance(300);
        assertTrue(bobsTone(aliceHears, 100) > 0.12, "alice hears bob within 300 ms of unhold: "
                + bobsTone(aliceHears, 100));
        lab.time.advance(1_000);
        JitterBufferStats jb = ((CallImpl) out).rtpStatistics().orElseThrow().jitterBuffer();
        assertEquals(0, jb.lost(), jb.toString());
        assertTrue(jb.currentDelayNanos() <= jb.targetDelayNanos() + 45_000_000L, jb.toString());
    }
}
