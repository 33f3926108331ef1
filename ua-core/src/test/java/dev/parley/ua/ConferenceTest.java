package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.AudioCodec;
import dev.parley.codecs.Codecs;
import dev.parley.codecs.ToneMeter;
import dev.parley.ua.fixture.CapturingSink;
import dev.parley.ua.fixture.Lab;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A local conference on host H with two calls, to A (G.722, 16 kHz) and to B (PCMU, 8 kHz), all
 * phones in one JVM in virtual time. Everyone plays its own tone (H 500 Hz through the conference's
 * source, A 1100 Hz, B 1700 Hz) and the tests detect which tones each one hears.
 */
class ConferenceTest {

    private static final double H_TONE = 500;
    private static final double A_TONE = 1100;
    private static final double B_TONE = 1700;
    /** What H's calls play on their own, outside the conference. */
    private static final double H_OWN_TO_A = 2300;
    private static final double H_OWN_TO_B = 2900;
    private static final double HEARD = 0.12;
    private static final double NOT_HEARD = 0.02;

    private static final class Phone {
        final Lab.Recorder events = new Lab.Recorder();
        final SoftPhone phone;
        final PhoneLine line;

        Phone(Lab lab, String user, int port, AudioCodec... codecs) {
            phone = lab.phoneAt(port)
                    .codecs(codecs)
                    .listener(events)
                    .build();
            line = phone.addLine(LineConfig.builder(user, "parley.test").registrationRequired(false).build());
        }
    }

    /** The three phones, H's two established calls and what everyone hears. */
    private static final class Bench {
        final Lab lab;
        final Phone host;
        final Phone a;
        final Phone b;
        final Call toA;
        final Call toB;
        Call fromH_atA;
        Call fromH_atB;
        final CapturingSink aHears = new CapturingSink(16000);
        final CapturingSink bHears = new CapturingSink(16000);
        final CapturingSink hostHearsOnA = new CapturingSink(16000);
        final CapturingSink hostHearsOnB = new CapturingSink(16000);
        final CapturingSink hostHearsConference = new CapturingSink(16000);

        Bench(double sipLoss, long seed) {
            lab = new Lab(seed, sipLoss);
            host = new Phone(lab, "host", 5070, Codecs.G722, Codecs.PCMU, Codecs.PCMA);
            a = new Phone(lab, "alice", 5080, Codecs.G722);
            b = new Phone(lab, "bob", 5090, Codecs.PCMU);
            toA = call(a, "sip:alice@127.0.0.1:5080", H_OWN_TO_A, hostHearsOnA, A_TONE, aHears);
            fromH_atA = a.events.incoming.get(0);
            toB = call(b, "sip:bob@127.0.0.1:5090", H_OWN_TO_B, hostHearsOnB, B_TONE, bHears);
            fromH_atB = b.events.incoming.get(0);
            assertEquals("G722", toA.codec().orElseThrow().encodingName());
            assertEquals("PCMU", toB.codec().orElseThrow().encodingName());
        }

        private Call call(Phone peer, String uri, double ownTone, CapturingSink ownSink, double peerTone,
                          CapturingSink peerSink) {
            Call out = host.line.newCall(uri);
            out.audioSource(AudioSources.tone(0.3, ownTone));
            out.audioSink(ownSink);
            CompletableFuture<Call> answered = out.start().toCompletableFuture();
            assertTrue(lab.runUntil(() -> !peer.events.incoming.isEmpty(), 20_000), "rung");
            Call in = peer.events.incoming.get(0);
            in.audioSource(AudioSources.tone(0.3, peerTone));
            in.audioSink(peerSink);
            CompletableFuture<Call> accepted = in.answer().toCompletableFuture();
            assertTrue(lab.runUntil(() -> answered.isDone() && accepted.isDone(), 60_000), "answered");
            assertEquals(CallState.CONNECTED, out.state());
            return out;
        }

        Conference conference() {
            Conference conf = host.phone.newConference();
            conf.audioSource(AudioSources.tone(0.3, H_TONE));
            conf.audioSink(hostHearsConference);
            return conf;
        }

        /** Lets 1 s of audio flow, so that the last 0.5 s captured reflects the current setup. */
        void settle() {
            lab.time.advance(1_000);
        }
    }

    /** The relative power of {@code hz} in the last 0.5 s a sink captured. */
    private static double power(CapturingSink sink, double hz) {
        int rate = sink.sampleRate();
        short[] last = sink.last(rate / 2);
        return ToneMeter.relativePower(last, 0, last.length, rate, hz);
    }

    private static void hears(CapturingSink sink, String who, double... tones) {
        for (double hz : tones) {
            assertTrue(power(sink, hz) > HEARD, who + " hears " + hz + " Hz: " + power(sink, hz));
        }
    }

    private static void doesNotHear(CapturingSink sink, String who, double... tones) {
        for (double hz : tones) {
            assertTrue(power(sink, hz) < NOT_HEARD, who + " does not hear " + hz + " Hz: " + power(sink, hz));
        }
    }

    /** Root mean square of the last 0.5 s. */
    private static double rms(CapturingSink sink) {
        short[] last = sink.last(sink.sampleRate() / 2);
        double sum = 0;
        for (short s : last) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / last.length);
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void conferenceOfThree_eachHearsTheOtherTwo_notItself(double loss) {
        Bench t = new Bench(loss, 41);
        Conference conf = t.conference();
        conf.add(t.toA);
        conf.add(t.toB);
        t.settle();

        assertEquals(List.of(t.toA, t.toB), conf.participants());
        hears(t.aHears, "A (G.722)", H_TONE, B_TONE);
        doesNotHear(t.aHears, "A", A_TONE, H_OWN_TO_A);
        hears(t.bHears, "B (PCMU)", H_TONE, A_TONE);
        doesNotHear(t.bHears, "B", B_TONE, H_OWN_TO_B);
        assertEquals(16000, t.hostHearsConference.sampleRate());
        hears(t.hostHearsConference, "H", A_TONE, B_TONE);
        doesNotHear(t.hostHearsConference, "H", H_TONE);

        // Mute B: nobody hears B, B still hears everyone.
        conf.mute(t.toB, true);
        assertTrue(conf.isMuted(t.toB));
        t.settle();
        hears(t.aHears, "A", H_TONE);
        doesNotHear(t.aHears, "A with B muted", B_TONE);
        doesNotHear(t.hostHearsConference, "H with B muted", B_TONE);
        hears(t.bHears, "muted B", H_TONE, A_TONE);

        conf.mute(t.toB, false);
        t.settle();
        hears(t.aHears, "A with B unmuted", H_TONE, B_TONE);
        conf.close();
    }

    @Test
    void removingACall_returnsItToItsOwnAudio_andCloseReturnsTheRest() {
        Bench t = new Bench(0.0, 42);
        Conference conf = t.conference();
        conf.add(t.toA);
        conf.add(t.toB);
        t.settle();
        long hostOwnSinkBefore = t.hostHearsOnA.written();
        t.settle();
        assertEquals(hostOwnSinkBefore, t.hostHearsOnA.written(), "the call's own sink is paused in a conference");
        assertFalse(t.hostHearsOnA.closed(), "… and kept, not closed");

        assertTrue(conf.remove(t.toA));
        assertFalse(conf.remove(t.toA), "not a participant any more");
        assertEquals(List.of(t.toB), conf.participants());
        t.settle();
        // A is back in a plain two-party call with H's own audio for that call.
        hears(t.aHears, "A after leaving", H_OWN_TO_A);
        doesNotHear(t.aHears, "A after leaving", H_TONE, B_TONE);
        hears(t.hostHearsOnA, "H's own sink of the call to A", A_TONE);
        doesNotHear(t.hostHearsOnA, "H's own sink of the call to A", B_TONE);
        // B is alone with the host in the conference.
        hears(t.bHears, "B", H_TONE);
        doesNotHear(t.bHears, "B", A_TONE, H_OWN_TO_B);
        doesNotHear(t.hostHearsConference, "H", A_TONE);

        conf.close();
        assertEquals(List.of(), conf.participants());
        assertTrue(t.hostHearsConference.closed(), "closing the conference closes its sink");
        t.settle();
        hears(t.bHears, "B after close", H_OWN_TO_B);
        doesNotHear(t.bHears, "B after close", H_TONE);
        hears(t.hostHearsOnB, "H's own sink of the call to B", B_TONE);
        assertThrows(IllegalStateException.class, () -> conf.add(t.toA));

        // A call that left may join another conference.
        Conference again = t.host.phone.newConference(8000);
        again.add(t.toA);
        again.add(t.toB);
        t.settle();
        hears(t.aHears, "A in the second conference", B_TONE);
        hears(t.bHears, "B in the second conference", A_TONE);
        again.close();
    }

    @Test
    void aCallThatEnds_leavesTheConference_andTheOthersCarryOn() {
        Bench t = new Bench(0.0, 43);
        Conference conf = t.conference();
        conf.add(t.toA);
        conf.add(t.toB);
        t.settle();
        CompletableFuture<CallEnd> ended = t.toB.ended().toCompletableFuture();
        t.fromH_atB.hangUp();
        assertTrue(t.lab.runUntil(ended::isDone, 40_000), "B's call ends");
        assertEquals(List.of(t.toA), conf.participants());
        t.settle();
        hears(t.aHears, "A after B hung up", H_TONE);
        doesNotHear(t.aHears, "A after B hung up", B_TONE);
        hears(t.hostHearsConference, "H", A_TONE);
        doesNotHear(t.hostHearsConference, "H", B_TONE);
        assertThrows(IllegalStateException.class, () -> conf.add(t.toB), "an ended call cannot join");
        conf.close();
    }

    @Test
    void aHeldParticipant_isNotHeard_andHearsNothing_untilUnheld() {
        Bench t = new Bench(0.0, 44);
        Conference conf = t.conference();
        conf.add(t.toA);
        conf.add(t.toB);
        t.settle();
        CompletableFuture<Call> held = t.toB.hold().toCompletableFuture();
        assertTrue(t.lab.runUntil(held::isDone, 40_000));
        assertEquals(CallState.LOCAL_HOLD, t.toB.state());
        t.settle();
        hears(t.aHears, "A", H_TONE);
        doesNotHear(t.aHears, "A with B held", B_TONE);
        doesNotHear(t.hostHearsConference, "H with B held", B_TONE);
        assertTrue(rms(t.bHears) < 50, "held B is sent silence: rms " + rms(t.bHears));

        CompletableFuture<Call> unheld = t.toB.unhold().toCompletableFuture();
        assertTrue(t.lab.runUntil(unheld::isDone, 40_000));
        // Known, outside the conference: after a hold of about a second, H's jitter buffer for B
        // first plays out the held period as loss (about 1 s, the same in a plain two-party call),
        // so B's voice is awaited rather than expected in the next second.
        assertTrue(t.lab.runUntil(() -> power(t.aHears, B_TONE) > HEARD, 5_000), "A hears B again");
        t.settle();
        hears(t.aHears, "A with B back", H_TONE, B_TONE);
        hears(t.bHears, "B back", H_TONE, A_TONE);
        conf.close();
    }

    @Test
    void aParticipantTransferredByItsPeer_isReplacedInTheConferenceByTheNewCall() {
        double carolTone = 2600;
        Bench t = new Bench(0.0, 46);
        Phone carol = new Phone(t.lab, "carol", 5100, Codecs.PCMA);
        CapturingSink carolHears = new CapturingSink(16000);
        Conference conf = t.conference();
        conf.add(t.toA);
        conf.add(t.toB);
        conf.mute(t.toA, true);
        t.settle();

        // Alice sends the host on to carol (RFC 5589 §6): the host's new call replaces its call to alice.
        CompletableFuture<TransferProgress> transfer = t.fromH_atA.blindTransfer("sip:carol@127.0.0.1:5100")
                .toCompletableFuture();
        assertTrue(t.lab.runUntil(() -> !carol.events.incoming.isEmpty(), 60_000), "carol is rung");
        Call atCarol = carol.events.incoming.get(0);
        atCarol.audioSource(AudioSources.tone(0.3, carolTone));
        atCarol.audioSink(carolHears);
        atCarol.answer();
        assertTrue(t.lab.runUntil(() -> transfer.isDone() && t.toA.state() == CallState.ENDED, 60_000), "transferred");
        assertEquals(1, t.host.events.transferred.size());
        Call toCarol = t.host.events.transferred.get(0)[1];
        assertEquals(List.of(toCarol, t.toB), conf.participants(), "carol's call took alice's place");
        assertTrue(conf.isMuted(toCarol), "… muted, as alice's was");

        conf.mute(toCarol, false);
        t.settle();
        hears(carolHears, "carol", H_TONE, B_TONE);
        doesNotHear(carolHears, "carol", carolTone, A_TONE);
        hears(t.bHears, "B", H_TONE, carolTone);
        doesNotHear(t.bHears, "B", A_TONE);
        hears(t.hostHearsConference, "H", carolTone, B_TONE);
        conf.close();
    }

    @Test
    void closingThePhone_closesItsConference_andTheLocalSinkIsCompleted() {
        Bench t = new Bench(0.0, 47);
        Conference conf = t.conference();
        conf.add(t.toA);
        conf.add(t.toB);
        t.settle();
        t.host.phone.close();
        assertTrue(t.hostHearsConference.closed(), "the conference's sink is closed with the phone");
        assertEquals(List.of(), conf.participants());
        assertTrue(t.lab.runUntil(() -> t.toA.state() == CallState.ENDED && t.toB.state() == CallState.ENDED, 40_000));
        assertThrows(IllegalStateException.class, () -> t.host.phone.newConference());
    }

    @Test
    void aCallOfAnotherPhone_orInAnotherConference_cannotJoin() {
        Bench t = new Bench(0.0, 45);
        Conference conf = t.conference();
        assertThrows(IllegalArgumentException.class, () -> conf.add(t.fromH_atA), "A's call is not H's");
        conf.add(t.toA);
        conf.add(t.toA); // already in: nothing changes
        assertEquals(List.of(t.toA), conf.participants());
        Conference other = t.host.phone.newConference();
        assertThrows(IllegalStateException.class, () -> other.add(t.toA));
        assertThrows(IllegalArgumentException.class, () -> other.mute(t.toA, true));
        assertThrows(IllegalArgumentException.class, () -> t.host.phone.newConference(44100));
        conf.close();
        other.add(t.toA);
        assertEquals(List.of(t.toA), other.participants());
        other.close();
    }
}
