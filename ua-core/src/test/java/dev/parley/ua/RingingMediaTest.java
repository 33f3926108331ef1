package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.Codecs;
import dev.parley.codecs.ToneMeter;
import dev.parley.ua.fixture.CapturingSink;
import dev.parley.ua.fixture.Lab;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * RFC 3264 §6: the answerer may send media once it has sent its answer. Parley answers an offer in
 * the 200, so a phone that is ringing sends nothing — no RTP, no RTCP — even when the application
 * attached its audio source before answering (as {@code parley listen --play} does); found by the
 * tshark interop row, where the callee's RTP preceded its 180.
 */
class RingingMediaTest {

    @Test
    void ringingCallee_sendsNoMedia_untilItAnswers_thenBothWaysFlow() {
        Lab lab = new Lab(41, 0);
        Lab.Recorder aliceEvents = new Lab.Recorder();
        Lab.Recorder bobEvents = new Lab.Recorder();
        SoftPhone alicePhone = lab.phone(aliceEvents);
        SoftPhone bobPhone = lab.phone(bobEvents);
        PhoneLine alice = alicePhone.addLine(LineConfig.builder("alice", "parley.test").registrationRequired(false).build());
        bobPhone.addLine(LineConfig.builder("bob", "parley.test").registrationRequired(false).build());
        List<Integer> mediaFromPorts = new ArrayList<>();
        lab.media.tap((at, from, to, payload, fate) -> mediaFromPorts.add(from.address().getPort()));

        Call out = alice.newCall("sip:bob@127.0.0.1:5071");
        CompletableFuture<Call> answered = out.start().toCompletableFuture();
        assertTrue(lab.runUntil(() -> !bobEvents.incoming.isEmpty() && out.state() == CallState.RINGING, 10_000));
        Call in = bobEvents.incoming.get(0);
        in.audioSource(AudioSources.tone(0.5, 1000));
        assertEquals(Codecs.G722.encodingName(), in.codec().orElseThrow().encodingName(),
                "the codec is agreed while ringing");
        lab.time.advance(6_000); // longer than RTCP's first interval, so a report would have been due

        assertEquals(0, mediaFromPorts.size(), "datagrams sent while bob's phone rings");

        CapturingSink aliceHears = new CapturingSink(16000);
        out.audioSink(aliceHears);
        in.answer();
        assertTrue(lab.runUntil(answered::isDone, 10_000));
        lab.time.advance(1_000);
        assertEquals(2, mediaFromPorts.stream().distinct().count(), "media flows both ways once answered");
        short[] heard = aliceHears.last(8000);
        assertTrue(ToneMeter.relativePower(heard, 0, heard.length, 16000, 1000) > 0.3, "alice hears bob's 1000 Hz");
    }
}
