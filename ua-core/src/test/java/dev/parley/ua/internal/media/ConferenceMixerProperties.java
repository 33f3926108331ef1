package dev.parley.ua.internal.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.ua.AudioSink;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** For any frames, mutes and local audio: every listener gets exactly the clamped sum of the others. */
class ConferenceMixerProperties {

    private static short clamp(long v) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }

    @Property(tries = 300)
    void everyListenerHearsTheClampedSumOfTheOthers(
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = -32768, max = 32767) Integer> values,
            @ForAll @Size(min = 12, max = 12) List<Boolean> muted,
            @ForAll @IntRange(min = -32768, max = 32767) int local) {
        int n = values.size();
        ConferenceMixer mixer = new ConferenceMixer(8000, 12);
        short[][] heardByLocal = new short[1][];
        mixer.localSource((f, rate) -> {
            Arrays.fill(f, 0, rate / 50, (short) local);
            return true;
        });
        mixer.localSink((AudioSink) (f, rate) -> heardByLocal[0] = Arrays.copyOf(f, rate / 50));
        MixLeg[] legs = new MixLeg[n];
        for (int i = 0; i < n; i++) {
            legs[i] = mixer.join(() -> false);
            legs[i].mute(muted.get(i));
        }
        short[] frame = new short[160];
        for (int i = 0; i < n; i++) {
            Arrays.fill(frame, values.get(i).shortValue());
            legs[i].received(frame, 8000);
        }
        assertEquals(1, mixer.cycles());
        long total = local;
        for (int i = 0; i < n; i++) {
            total += muted.get(i) ? 0 : values.get(i);
        }
        for (int i = 0; i < n; i++) {
            legs[i].fillToSend(frame, 8000);
            short expected = clamp(total - (muted.get(i) ? 0 : values.get(i)));
            for (short s : frame) {
                assertEquals(expected, s, "listener " + i);
            }
        }
        for (short s : heardByLocal[0]) {
            assertEquals(clamp(total - local), s, "local listener");
        }
    }
}
