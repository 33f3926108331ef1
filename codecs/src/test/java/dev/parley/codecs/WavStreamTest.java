package dev.parley.codecs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.WavFormatException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link WavWriter} and {@link WavReader}: frame-by-frame files, the streaming header rules. */
class WavStreamTest {

    @TempDir
    Path dir;

    private static short[] ramp(int n, int start) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) (start + i);
        }
        return s;
    }

    /** A canonical header with the given fields, followed by {@code data}. */
    static ByteBuffer file(int tag, int channels, int rate, int bits, short... data) {
        int blockAlign = channels * bits / 8;
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 2 * data.length).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) tag).putShort((short) channels)
                .putInt(rate).putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        b.put("data".getBytes()).putInt(2 * data.length);
        for (short s : data) {
            b.putShort(s);
        }
        return b;
    }

    private Path write(String name, ByteBuffer content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content.array());
        return f;
    }

    @Test
    void writtenFramesReadBackSampleExact() throws IOException {
        Path f = dir.resolve("a.wav");
        try (WavWriter w = WavWriter.create(f, 8000)) {
            assertTrue(w.write(ramp(160, 0), 0, 160));
            assertTrue(w.write(ramp(160, 160), 0, 160));
            assertEquals(320, w.samplesWritten());
        }
        assertEquals(44 + 640, Files.size(f));
        try (WavReader r = WavReader.open(f)) {
            assertEquals(new WavHeader(WavEncoding.PCM_16, 1, 8000, 44, 640), r.header());
            short[] frame = new short[160];
            assertEquals(160, r.read(frame, 0, 160));
            assertArrayEquals(ramp(160, 0), frame);
            assertEquals(160, r.read(frame, 0, 160));
            assertArrayEquals(ramp(160, 160), frame);
            assertEquals(0, r.read(frame, 0, 160), "the end of the data");
            r.rewind();
            assertEquals(160, r.read(frame, 0, 160));
            assertArrayEquals(ramp(160, 0), frame, "rewind starts again at the first sample");
        }
    }

    @Test
    void writerHeaderCarriesRateAndSizes_andIsTheWholeFileWritersHeader() throws IOException {
        Path f = dir.resolve("h.wav");
        short[] samples = ramp(3000, -1500); // more than one buffer
        try (WavWriter w = WavWriter.create(f, 16000)) {
            w.write(samples, 0, samples.length);
        }
        byte[] bytes = Files.readAllBytes(f);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(36 + 6000, b.getInt(4), "RIFF size");
        assertEquals(16000, b.getInt(24), "sample rate");
        assertEquals(32000, b.getInt(28), "byte rate");
        assertEquals(6000, b.getInt(40), "data size");
        assertArrayEquals(Wav.toBytes(WavAudio.ofPcm(samples, 16000)), bytes);
        WavWriter closed = WavWriter.create(dir.resolve("c.wav"), 8000);
        closed.close();
        assertFalse(closed.write(samples, 0, 10), "dropped after close");
    }

    @Test
    void unfinishedRecording_playsToTheEndOfTheFile() throws IOException {
        Path f = dir.resolve("crash.wav");
        WavWriter w = WavWriter.create(f, 8000);
        w.write(ramp(500, 0), 0, 500); // never closed: the header still says 0 bytes of data
        try (WavReader r = WavReader.open(f)) {
            assertEquals(1000, r.header().dataLength());
            short[] all = new short[600];
            assertEquals(500, r.read(all, 0, 600));
            assertEquals(499, all[499]);
        }
        w.close();
        assertThrows(WavFormatException.class, () -> Wav.parse(java.util.Arrays.copyOf(Files.readAllBytes(f), 60)),
                "the whole-file reader is strict about sizes");
    }

    @Test
    void stereoIsMixedDownToMono() throws IOException {
        Path f = write("stereo.wav", file(1, 2, 8000, 16, (short) 100, (short) 300, (short) -10, (short) -30));
        try (WavReader r = WavReader.open(f)) {
            assertEquals(2, r.header().channels());
            short[] out = new short[4];
            assertEquals(2, r.read(out, 0, 4));
            assertArrayEquals(new short[] {200, -20, 0, 0}, out);
        }
    }

    @Test
    void anyRateAndTheExtensibleFormatStream_butNotAsAWholeFile() throws IOException {
        ByteBuffer b = file(0xFFFE, 1, 44100, 16, (short) 7, (short) -7);
        // Make the fmt chunk 40 bytes (WAVE_FORMAT_EXTENSIBLE) with sub-format PCM (GUID starts 01 00).
        ByteBuffer ext = ByteBuffer.allocate(72).order(ByteOrder.LITTLE_ENDIAN);
        ext.put(b.array(), 0, 16).putInt(40).put(b.array(), 20, 16).putShort((short) 22).putShort((short) 16)
                .putInt(4).putShort((short) 1).put(new byte[14]).put(b.array(), 36, 12);
        ext.putInt(4, 64);
        Path f = write("ext.wav", ext);
        try (WavReader r = WavReader.open(f)) {
            assertEquals(new WavHeader(WavEncoding.PCM_16, 1, 44100, 68, 4), r.header());
            short[] out = new short[2];
            r.read(out, 0, 2);
            assertArrayEquals(new short[] {7, -7}, out);
        }
        WavFormatException e = assertThrows(WavFormatException.class, () -> Wav.parse(ext.array()));
        assertEquals(Reason.UNSUPPORTED_RATE, e.reason());
    }

    @Test
    void g711FilesStreamDecoded() throws IOException {
        byte[] codes = new byte[256];
        for (int i = 0; i < 256; i++) {
            codes[i] = (byte) i;
        }
        for (WavEncoding law : new WavEncoding[] {WavEncoding.ALAW, WavEncoding.ULAW}) {
            WavAudio audio = new WavAudio(law, 8000, codes);
            Path f = dir.resolve(law + ".wav");
            Wav.write(f, audio);
            short[] streamed = new short[256];
            try (WavReader r = WavReader.open(f)) {
                assertEquals(256, r.read(streamed, 0, 256));
            }
            assertArrayEquals(audio.samples(), streamed);
        }
    }

    @Test
    void badFilesAreRejectedWithTheReason() throws IOException {
        assertRejected(Reason.NOT_RIFF, write("junk.wav", ByteBuffer.wrap("this is not a wave file at all".getBytes())));
        assertRejected(Reason.TRUNCATED, write("short.wav", ByteBuffer.wrap(new byte[] {'R', 'I', 'F'})));
        assertRejected(Reason.UNSUPPORTED_BITS, write("8bit.wav", file(1, 1, 8000, 8)));
        assertRejected(Reason.UNSUPPORTED_CHANNELS, write("5ch.wav", file(1, 5, 8000, 16)));
        assertRejected(Reason.UNSUPPORTED_RATE, write("fast.wav", file(1, 1, 384_000, 16)));
        ByteBuffer noData = ByteBuffer.allocate(36).put(file(1, 1, 8000, 16).array(), 0, 36);
        assertRejected(Reason.MISSING_DATA, write("nodata.wav", noData));
        // 65 empty LIST chunks before the format: the reader gives up instead of looking on.
        ByteBuffer many = ByteBuffer.allocate(12 + 65 * 8 + 32).order(ByteOrder.LITTLE_ENDIAN);
        many.put("RIFF".getBytes()).putInt(many.capacity() - 8).put("WAVE".getBytes());
        for (int i = 0; i < 65; i++) {
            many.put("LIST".getBytes()).putInt(0);
        }
        assertRejected(Reason.TOO_MANY_CHUNKS, write("many.wav", many));
        assertThrows(IllegalArgumentException.class, () -> WavWriter.create(dir.resolve("x.wav"), 500));
    }

    private static void assertRejected(Reason reason, Path f) {
        WavFormatException e = assertThrows(WavFormatException.class, () -> WavReader.open(f).close());
        assertEquals(reason, e.reason(), e.getMessage());
    }
}
