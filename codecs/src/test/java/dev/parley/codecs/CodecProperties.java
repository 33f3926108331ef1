package dev.parley.codecs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties users rely on, over generated input. */
class CodecProperties {

    @Property
    void g711_decodedSampleIsWithinHalfAStepOfTheInput(@ForAll short x) {
        for (AudioCodec codec : List.of(Codecs.PCMU, Codecs.PCMA)) {
            byte[] code = new byte[1];
            codec.newEncoder().encode(new short[] {x}, 0, 1, code, 0);
            short[] back = new short[1];
            codec.newDecoder().decode(code, 0, 1, back, 0);
            // G.711 decodes to the middle of the input's quantisation step, and a step is never
            // larger than 1/16 of the magnitude plus the smallest step (16 for A-law in 16-bit units).
            int error = Math.abs(back[0] - x);
            assertTrue(error <= Math.abs(x) / 16 + 16 + 1, codec + ": " + x + " decoded as " + back[0]);
            byte[] again = new byte[1];
            codec.newEncoder().encode(back, 0, 1, again, 0);
            if (!(codec == Codecs.PCMU && back[0] == 0)) {
                assertEquals(code[0], again[0], codec + ": re-encoding " + back[0]);
            }
        }
    }

    @Property(tries = 200)
    void g722_frameSizesNeverChangeTheStream(@ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 200) Integer> pairs) {
        short[] pcm = new short[3200];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (9000 * Math.sin(i * 0.13) + 7000 * Math.sin(i * 1.9));
        }
        byte[] whole = new byte[1600];
        Codecs.G722.newEncoder().encode(pcm, 0, pcm.length, whole, 0);
        AudioEncoder encoder = Codecs.G722.newEncoder();
        byte[] framed = new byte[1600];
        int at = 0;
        int k = 0;
        while (at < pcm.length) {
            int n = Math.min(2 * pairs.get(k++ % pairs.size()), pcm.length - at);
            encoder.encode(pcm, at, n, framed, at / 2);
            at += n == 0 && pairs.stream().allMatch(p -> p == 0) ? pcm.length : n;
        }
        if (!pairs.stream().allMatch(p -> p == 0)) {
            assertArrayEquals(whole, framed);
        }
    }

    @Property(tries = 300)
    void wav_roundTripsAnyPcm(@ForAll @Size(max = 500) short[] samples, @ForAll boolean wide) {
        WavAudio audio = WavAudio.ofPcm(samples, wide ? 16000 : 8000);
        WavAudio back = Wav.parse(Wav.toBytes(audio));
        assertEquals(audio, back);
        assertArrayEquals(samples, back.samples());
    }
}
