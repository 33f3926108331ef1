package dev.parley.ua.internal.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.ToneMeter;
import dev.parley.ua.AudioSink;
import dev.parley.ua.AudioSource;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The conference mixer's arithmetic and its clock, driven frame by frame without any call. */
class ConferenceMixerTest {

    private static final AudioSink NO_SINK = (f, r) -> { };

    /** A source of a constant value. */
    private static AudioSource constant(int value) {
        return (frame, rate) -> {
            Arrays.fill(frame, 0, rate / 50, (short) value);
            return true;
        };
    }

    private static short[] frameOf(int value, int rate) {
        short[] f = new short[rate / 50];
        Arrays.fill(f, (short) value);
        return f;
    }

    /** What {@code leg} is sent next, at {@code rate}. */
    private static short[] sent(MixLeg leg, int rate) {
        short[] f = new short[rate / 50];
        leg.fillToSend(f, rate);
        return f;
    }

    /** Keeps the last frame written. */
    private static final class LastFrame implements AudioSink {
        short[] last;
        int frames;

        @Override
        public void write(short[] frame, int sampleRate) {
            last = Arrays.copyOf(frame, sampleRate / 50);
            frames++;
        }
    }

    @Test
    void eachParticipantHearsTheSumOfTheOthersAndTheLocalUser_theLocalUserHearsEveryParticipant() {
        ConferenceMixer mixer = new ConferenceMixer(8000, 8);
        LastFrame local = new LastFrame();
        mixer.localSource(constant(1000));
        mixer.localSink(local);
        MixLeg a = mixer.join(() -> false);
        MixLeg b = mixer.join(() -> false);
        MixLeg c = mixer.join(() -> false);
        a.received(frameOf(100, 8000), 8000);
        b.received(frameOf(200, 8000), 8000);
        assertEquals(0, mixer.cycles(), "a cycle waits for every participant");
        c.received(frameOf(400, 8000), 8000);
        assertEquals(1, mixer.cycles());
        assertArrayEquals(frameOf(1600, 8000), sent(a, 8000), "a: b + c + local");
        assertArrayEquals(frameOf(1500, 8000), sent(b, 8000), "b: a + c + local");
        assertArrayEquals(frameOf(1300, 8000), sent(c, 8000), "c: a + b + local");
        assertArrayEquals(frameOf(700, 8000), local.last, "local: a + b + c, not itself");
        assertArrayEquals(frameOf(0, 8000), sent(a, 8000), "nothing more mixed: silence");
    }

    @Test
    void sumsSaturateAtTheSixteenBitLimits_onceOnTheExactSum() {
        ConferenceMixer mixer = new ConferenceMixer(8000, 8);
        LastFrame local = new LastFrame();
        mixer.localSink(local);
        MixLeg a = mixer.join(() -> false);
        MixLeg b = mixer.join(() -> false);
        MixLeg c = mixer.join(() -> false);
        a.received(frameOf(30000, 8000), 8000);
        b.received(frameOf(30000, 8000), 8000);
        c.received(frameOf(-30000, 8000), 8000);
        assertArrayEquals(frameOf(0, 8000), sent(a, 8000), "30000 − 30000, not a clipped total minus 30000");
        assertArrayEquals(frameOf(0, 8000), sent(b, 8000));
        assertArrayEquals(frameOf(32767, 8000), sent(c, 8000), "60000 saturates, never wraps to −5536");
        assertArrayEquals(frameOf(30000, 8000), local.last);

        a.received(frameOf(-20000, 8000), 8000);
        b.received(frameOf(-20000, 8000), 8000);
        c.received(frameOf(-20000, 8000), 8000);
        assertArrayEquals(frameOf(-32768, 8000), sent(a, 8000), "−40000 saturates at −32768");
        assertArrayEquals(frameOf(-32768, 8000), local.last, "−60000 saturates at −32768");
    }

    @Test
    void mutedParticipantIsNotHeard_butStillHearsEveryone() {
        ConferenceMixer mixer = new ConferenceMixer(8000, 8);
        LastFrame local = new LastFrame();
        mixer.localSource(constant(1000));
        mixer.localSink(local);
        MixLeg a = mixer.join(() -> false);
        MixLeg b = mixer.join(() -> false);
        b.mute(true);
        a.received(frameOf(100, 8000), 8000);
        b.received(frameOf(200, 8000), 8000);
        assertArrayEquals(frameOf(1000, 8000), sent(a, 8000), "a hears the local user, not muted b");
        assertArrayEquals(frameOf(1100, 8000), sent(b, 8000), "muted b hears a and the local user");
        assertArrayEquals(frameOf(100, 8000), local.last, "the local user hears a only");
        b.mute(false);
        a.received(frameOf(100, 8000), 8000);
        b.received(frameOf(200, 8000), 8000);
        assertArrayEquals(frameOf(1200, 8000), sent(a, 8000), "unmuted b is heard again");
    }

    @Test
    void participantOnHoldContributesSilence_andIsSentSilence() {
        boolean[] held = {true};
        ConferenceMixer mixer = new ConferenceMixer(8000, 8);
        mixer.localSource(constant(1000));
        MixLeg a = mixer.join(() -> false);
        MixLeg b = mixer.join(() -> held[0]);
        a.received(frameOf(100, 8000), 8000);
        b.received(frameOf(200, 8000), 8000);
        assertArrayEquals(frameOf(1000, 8000), sent(a, 8000));
        assertArrayEquals(frameOf(0, 8000), sent(b, 8000));
        held[0] = false;
        a.received(frameOf(100, 8000), 8000);
        b.received(frameOf(200, 8000), 8000);
        assertArrayEquals(frameOf(1200, 8000), sent(a, 8000));
        assertArrayEquals(frameOf(1100, 8000), sent(b, 8000));
    }

    @Test
    void aSilentParticipantDoesNotStallTheOthers() {
        ConferenceMixer mixer = new ConferenceMixer(8000, 8);
        mixer.localSource(constant(1000));
        MixLeg a = mixer.join(() -> false);
        mixer.join(() -> false); // never delivers a frame (its media is not flowing yet)
        for (int i = 1; i <= 5; i++) {
            a.received(frameOf(100, 8000), 8000);
            assertEquals(i - 1, mixer.cycles(), "the next frame of a closes the cycle before it");
            if (i > 1) {
                assertArrayEquals(frameOf(1000, 8000), sent(a, 8000), "a hears the local user in every cycle");
            }
        }
    }

    @Test
    void aParticipantThatLeftIsNoLongerHeard_andItsFramesAreIgnored() {
        ConferenceMixer mixer = new ConferenceMixer(8000, 8);
        MixLeg a = mixer.join(() -> false);
        MixLeg b = mixer.join(() -> false);
        mixer.leave(b);
        mixer.leave(b); // idempotent
        b.received(frameOf(500, 8000), 8000);
        a.received(frameOf(100, 8000), 8000);
        assertEquals(1, mixer.cycles(), "a alone completes a cycle");
        assertArrayEquals(frameOf(0, 8000), sent(a, 8000));
        assertArrayEquals(frameOf(0, 8000), sent(b, 8000));
    }

    @Test
    void framesWaitingForAParticipantThatDoesNotSendAreBounded() {
        ConferenceMixer mixer = new ConferenceMixer(8000, 8);
        MixLeg a = mixer.join(() -> false);
        MixLeg b = mixer.join(() -> false);
        for (int i = 1; i <= 50; i++) { // b never takes its frames (it is not sending RTP)
            a.received(frameOf(i, 8000), 8000);
            b.received(frameOf(i, 8000), 8000);
        }
        assertArrayEquals(frameOf(49, 8000), sent(b, 8000), "only the last two mixed frames are kept");
        assertArrayEquals(frameOf(50, 8000), sent(b, 8000));
        assertArrayEquals(frameOf(0, 8000), sent(b, 8000));
    }

    @Test
    void narrowbandAndWidebandLegsHearEachOtherThroughTheResamplers() {
        ConferenceMixer mixer = new ConferenceMixer(16000, 8);
        MixLeg wide = mixer.join(() -> false);
        MixLeg narrow = mixer.join(() -> false);
        AudioSource wideVoice = new ToneSource(new double[] {1000}, 0.4);
        AudioSource narrowVoice = new ToneSource(new double[] {600}, 0.4);
        short[] w = new short[320];
        short[] n = new short[160];
        short[] wideHeard = new short[50 * 320];
        short[] narrowHeard = new short[50 * 160];
        for (int i = 0; i < 50; i++) {
            wideVoice.read(w, 16000);
            narrowVoice.read(n, 8000);
            wide.received(w, 16000);
            narrow.received(n, 8000);
            System.arraycopy(sent(wide, 16000), 0, wideHeard, i * 320, 320);
            System.arraycopy(sent(narrow, 8000), 0, narrowHeard, i * 160, 160);
        }
        // Skip the first 100 ms (resampler start-up), detect over the rest.
        assertTrue(ToneMeter.relativePower(wideHeard, 1600, 14400, 16000, 600) > 0.4, "wideband leg hears 600 Hz");
        assertTrue(ToneMeter.relativePower(wideHeard, 1600, 14400, 16000, 1000) < 0.01, "… not itself");
        assertTrue(ToneMeter.relativePower(narrowHeard, 800, 7200, 8000, 1000) > 0.4, "narrowband leg hears 1000 Hz");
        assertTrue(ToneMeter.relativePower(narrowHeard, 800, 7200, 8000, 600) < 0.01, "… not itself");
    }

    @Test
    void aLegAtAnUnsupportedRateIsMixedAsSilence_withoutFailing() {
        ConferenceMixer mixer = new ConferenceMixer(16000, 8);
        mixer.localSource(constant(1000));
        MixLeg odd = mixer.join(() -> false);
        odd.received(frameOf(5000, 48000), 48000);
        assertEquals(1, mixer.cycles());
        assertArrayEquals(frameOf(0, 48000), sent(odd, 48000));
    }

    @Test
    void joinIsBounded_andOnlyEightOrSixteenKilohertzMixing() {
        ConferenceMixer mixer = new ConferenceMixer(8000, 2);
        mixer.join(() -> false);
        mixer.join(() -> false);
        assertThrows(IllegalStateException.class, () -> mixer.join(() -> false));
        assertThrows(IllegalArgumentException.class, () -> new ConferenceMixer(44100, 2));
    }

    @Test
    void failingLocalSourceAndSinkAreSilence_andTheParticipantsStillHearEachOther() {
        ConferenceMixer mixer = new ConferenceMixer(8000, 8);
        mixer.localSource((f, r) -> {
            throw new IllegalStateException("broken source");
        });
        mixer.localSink((f, r) -> {
            throw new IllegalStateException("broken sink");
        });
        MixLeg a = mixer.join(() -> false);
        MixLeg b = mixer.join(() -> false);
        a.received(frameOf(100, 8000), 8000);
        b.received(frameOf(200, 8000), 8000);
        assertArrayEquals(frameOf(200, 8000), sent(a, 8000));
        assertArrayEquals(frameOf(100, 8000), sent(b, 8000));
        mixer.localSink(NO_SINK);
    }
}
