package dev.parley.codecs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutated headers through {@link WavReader}: only {@link WavFormatException} escapes, and what parses stays inside the file. */
class WavStreamFuzzTest {

    @TempDir
    Path dir;

    @Test
    void mutatedHeaders_20000_onlyTheTypedErrorEscapes() throws IOException {
        short[] samples = new short[32];
        byte[] good = WavStreamTest.file(1, 1, 8000, 16, samples).array();
        Path f = dir.resolve("fuzz.wav");
        SplittableRandom random = new SplittableRandom(9);
        short[] out = new short[64];
        int parsed = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] m = good.clone();
            for (int e = 0, n = 1 + random.nextInt(4); e < n; e++) {
                m[random.nextInt(44)] = (byte) random.nextInt(256);
            }
            int length = random.nextInt(8) == 0 ? random.nextInt(m.length) : m.length; // sometimes truncated
            Files.write(f, java.util.Arrays.copyOf(m, length));
            try (WavReader r = WavReader.open(f)) {
                WavHeader h = r.header();
                assertTrue(h.dataOffset() + h.dataLength() <= length, "samples stay inside the file");
                assertTrue(h.dataLength() % h.blockAlign() == 0);
                long frames = 0;
                for (int n; (n = r.read(out, 0, out.length)) > 0; ) {
                    frames += n;
                }
                assertTrue(frames == h.frameCount(), "every frame the header promises is read");
                parsed++;
            } catch (WavFormatException expected) {
                // the one typed error
            }
        }
        assertTrue(parsed > 1000, "most single-byte mutations still parse: " + parsed);
    }
}
