package dev.parley.ua.internal.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.ua.AudioSink;
import dev.parley.ua.AudioSinks;
import dev.parley.ua.AudioSource;
import dev.parley.ua.AudioSources;
import dev.parley.ua.Goertzel;
import dev.parley.ua.MixedRecording;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavRoundTripTest {

    @TempDir
    Path dir;

    private static short[] ramp(int n, int start) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) (start + i);
        }
        return s;
    }

    @Test
    void recordedFramesPlayBackSampleExact_atTheSameRate() throws IOException {
        Path f = dir.resolve("a.wav");
        try (AudioSink sink = AudioSinks.wavFile(f, 8000)) {
            sink.write(ramp(160, 0), 8000);
            sink.write(ramp(160, 160), 8000);
        }
        assertEquals(44 + 640, Files.size(f));
        try (AudioSource src = AudioSources.wavFile(f, false)) {
            short[] frame = new short[160];
            assertTrue(src.read(frame, 8000));
            assertArrayEquals(ramp(160, 0), frame);
            assertTrue(src.read(frame, 8000));
            assertArrayEquals(ramp(160, 160), frame);
            assertFalse(src.read(frame, 8000), "a source played once reports its end");
            assertArrayEquals(new short[160], frame, "and then sends silence");
        }
    }

    @Test
    void headerCarriesRateAndSizes() throws IOException {
        Path f = dir.resolve("h.wav");
        try (AudioSink sink = AudioSinks.wavFile(f, 16000)) {
            sink.write(new short[320], 16000);
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(36 + 640, b.getInt(4), "RIFF size");
        assertEquals(16000, b.getInt(24), "sample rate");
        assertEquals(32000, b.getInt(28), "byte rate");
        assertEquals(640, b.getInt(40), "data size");
    }

    @Test
    void loopingSourceWrapsToTheFirstSample() throws IOException {
        Path f = dir.resolve("loop.wav");
        try (AudioSink sink = AudioSinks.wavFile(f, 8000)) {
            sink.write(ramp(160, 0), 8000);
        }
        short[] frame = new short[160];
        try (AudioSource src = AudioSources.wavFile(f, true)) {
            for (int i = 0; i < 5; i++) {
                assertTrue(src.read(frame, 8000));
                assertArrayEquals(ramp(160, 0), frame);
            }
        }
    }

    @Test
    void stereoFileIsMixedDownToMono() throws IOException {
        Path f = dir.resolve("stereo.wav");
        ByteBuffer b = ByteBuffer.allocate(44 + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(WavHeader.fourCc("RIFF")).putInt(44).putInt(WavHeader.fourCc("WAVE"));
        b.putInt(WavHeader.fourCc("fmt ")).putInt(16).putShort((short) 1).putShort((short) 2)
                .putInt(8000).putInt(32000).putShort((short) 4).putShort((short) 16);
        b.putInt(WavHeader.fourCc("data")).putInt(8).putShort((short) 100).putShort((short) 300)
                .putShort((short) -10).putShort((short) -30);
        Files.write(f, b.array());
        short[] frame = new short[160];
        try (AudioSource src = AudioSources.wavFile(f, false)) {
            src.read(frame, 8000);
        }
        assertEquals(200, frame[0]);
        assertEquals(-20, frame[1]);
        assertEquals(0, frame[2]);
    }

    @Test
    void a16kFilePlaysAsAn8kToneOfTheSamePitch() throws IOException {
        Path f = dir.resolve("tone16.wav");
        AudioSource tone = AudioSources.tone(0.5, 700);
        short[] frame16 = new short[320];
        try (AudioSink sink = AudioSinks.wavFile(f, 16000)) {
            for (int i = 0; i < 50; i++) {
                tone.read(frame16, 16000);
                sink.write(frame16, 16000);
            }
        }
        short[] heard = new short[8000];
        try (AudioSource src = AudioSources.wavFile(f, false)) {
            short[] frame8 = new short[160];
            for (int i = 0; i < 50; i++) {
                assertTrue(src.read(frame8, 8000));
                System.arraycopy(frame8, 0, heard, i * 160, 160);
            }
        }
        assertTrue(Goertzel.relativePower(heard, 0, 8000, 8000, 700) > 0.4);
    }

    @Test
    void badFilesAreRejectedWithTheReason() throws IOException {
        Path junk = dir.resolve("junk.wav");
        Files.write(junk, "this is not a wave file at all".getBytes());
        WavFormatException e = assertThrows(WavFormatException.class, () -> header(junk));
        assertEquals(WavFormatException.Reason.NOT_WAVE, e.reason());

        Path truncated = dir.resolve("short.wav");
        Files.write(truncated, new byte[] {'R', 'I', 'F'});
        assertEquals(WavFormatException.Reason.NOT_WAVE,
                assertThrows(WavFormatException.class, () -> header(truncated)).reason());

        Path eightBit = dir.resolve("8bit.wav");
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(WavHeader.fourCc("RIFF")).putInt(36).putInt(WavHeader.fourCc("WAVE"));
        b.putInt(WavHeader.fourCc("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(8000).putShort((short) 1).putShort((short) 8);
        b.putInt(WavHeader.fourCc("data")).putInt(0);
        Files.write(eightBit, b.array());
        assertEquals(WavFormatException.Reason.UNSUPPORTED_FORMAT,
                assertThrows(WavFormatException.class, () -> header(eightBit)).reason());
        assertThrows(IllegalArgumentException.class, () -> AudioSources.wavFile(eightBit, false));

        Path noData = dir.resolve("nodata.wav");
        ByteBuffer c = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
        c.putInt(WavHeader.fourCc("RIFF")).putInt(28).putInt(WavHeader.fourCc("WAVE"));
        c.putInt(WavHeader.fourCc("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
        Files.write(noData, c.array());
        assertEquals(WavFormatException.Reason.MISSING_CHUNK,
                assertThrows(WavFormatException.class, () -> header(noData)).reason());
    }

    private static WavHeader header(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p)) {
            return WavHeader.read(ch);
        }
    }

    @Test
    void mixedRecordingSumsBothDirectionsAndSaturates() throws IOException {
        Path f = dir.resolve("mixed.wav");
        short[] sent = new short[160];
        short[] received = new short[160];
        java.util.Arrays.fill(sent, (short) 1000);
        java.util.Arrays.fill(received, (short) 234);
        try (MixedRecording rec = AudioSinks.mixedWavFile(f, 8000)) {
            rec.sent().write(sent, 8000);
            rec.received().write(received, 8000);
            java.util.Arrays.fill(sent, (short) 30000);
            java.util.Arrays.fill(received, (short) 30000);
            rec.received().write(received, 8000);
            rec.sent().write(sent, 8000);
            rec.sent().write(sent, 8000); // no received frame for this slot: counts as silence
        }
        short[] frame = new short[160];
        try (AudioSource src = AudioSources.wavFile(f, false)) {
            assertTrue(src.read(frame, 8000));
            assertEquals(1234, frame[0]);
            assertTrue(src.read(frame, 8000));
            assertEquals(Short.MAX_VALUE, frame[0], "saturates instead of wrapping");
            assertTrue(src.read(frame, 8000));
            assertEquals(30000, frame[159]);
            assertFalse(src.read(frame, 8000));
        }
    }

    @Test
    void tapCopiesWhatTheSourceSends() {
        short[][] copied = new short[1][];
        AudioSource tapped = AudioSources.tap(AudioSources.tone(0.3, 440),
                (frame, rate) -> copied[0] = frame.clone());
        short[] frame = new short[160];
        tapped.read(frame, 8000);
        assertArrayEquals(frame, copied[0]);
    }
}
