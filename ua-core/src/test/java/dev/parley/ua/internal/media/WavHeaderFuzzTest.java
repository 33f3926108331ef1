package dev.parley.ua.internal.media;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutated WAV headers: only {@link WavFormatException} escapes, and what parses stays inside the file. */
class WavHeaderFuzzTest {

    @TempDir
    Path dir;

    @Test
    void mutatedHeaders_20000_onlyTheTypedErrorEscapes() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + 64).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(WavHeader.fourCc("RIFF")).putInt(36 + 64).putInt(WavHeader.fourCc("WAVE"));
        b.putInt(WavHeader.fourCc("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
        b.putInt(WavHeader.fourCc("data")).putInt(64);
        byte[] good = b.array();
        Path f = dir.resolve("fuzz.wav");
        SplittableRandom random = new SplittableRandom(9);
        int parsed = 0;
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            for (int i = 0; i < 20_000; i++) {
                byte[] m = good.clone();
                for (int e = 0, n = 1 + random.nextInt(4); e < n; e++) {
                    m[random.nextInt(44)] = (byte) random.nextInt(256);
                }
                int length = random.nextInt(8) == 0 ? random.nextInt(m.length) : m.length; // sometimes truncated
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(m, 0, length), 0);
                try {
                    WavHeader h = WavHeader.read(ch);
                    assertTrue(h.dataOffset() + h.dataLength() <= length, "samples stay inside the file");
                    assertTrue(h.dataLength() % h.blockAlign() == 0);
                    parsed++;
                } catch (WavFormatException expected) {
                    // the one typed error
                }
            }
        }
        assertTrue(parsed > 1000, "most single-byte mutations still parse: " + parsed);
    }
}
