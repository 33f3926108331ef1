package dev.parley.ua.internal.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.ToneMeter;
import dev.parley.codecs.WavFormatException;
import dev.parley.ua.AudioSink;
import dev.parley.ua.AudioSinks;
import dev.parley.ua.AudioSource;
import dev.parley.ua.AudioSources;
import dev.parley.ua.MixedRecording;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

    /** A 16-bit PCM file's bytes: canonical header, then {@code samples}. */
    private static byte[] pcmFile(int channels, int rate, int bits, short... samples) {
        int blockAlign = channels * bits / 8;
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 2 * samples.length).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(rate).putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        b.put("data".getBytes()).putInt(2 * samples.length);
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }

    @Test
    void stereoFileIsMixedDownToMono() throws IOException {
        Path f = dir.resolve("stereo.wav");
        Files.write(f, pcmFile(2, 8000, 16, (short) 100, (short) 300, (short) -10, (short) -30));
        short[] frame = new short[160];
        try (AudioSource src = AudioSources.wavFile(f, false)) {
            src.read(frame, 8000);
        }
        assertEquals(200, frame[0]);
        assertEquals(-20, frame[1]);
        assertEquals(0, frame[2]);
    }

    @Test
    void a44k1FilePlaysAt8kAnd16kWithItsPitch() throws IOException {
        short[] tone = new short[44100];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (short) Math.round(10000 * Math.sin(2 * Math.PI * 700 * i / 44100.0));
        }
        Path f = dir.resolve("cd.wav");
        Files.write(f, pcmFile(1, 44100, 16, tone));
        for (int rate : new int[] {8000, 16000}) {
            short[] heard = new short[rate];
            try (AudioSource src = AudioSources.wavFile(f, false)) {
                short[] frame = new short[rate / 50];
                for (int i = 0; i < 50; i++) {
                    assertTrue(src.read(frame, rate));
                    System.arraycopy(frame, 0, heard, i * frame.length, frame.length);
                }
                assertFalse(src.read(frame, rate), "one second of file, fifty frames of call");
            }
            assertTrue(ToneMeter.relativePower(heard, 0, rate, rate, 700) > 0.4, rate + " Hz");
        }
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
        assertTrue(ToneMeter.relativePower(heard, 0, 8000, 8000, 700) > 0.4);
    }

    @Test
    void badFilesAreRejectedWithTheCodecsReason() throws IOException {
        // The reasons themselves are tested with the parser in codecs (WavStreamTest).
        Path junk = dir.resolve("junk.wav");
        Files.write(junk, "this is not a wave file at all".getBytes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AudioSources.wavFile(junk, false));
        assertEquals(WavFormatException.Reason.NOT_RIFF, ((WavFormatException) e.getCause()).reason());
        assertTrue(e.getMessage().startsWith(junk.toString()), e.getMessage());

        Path eightBit = dir.resolve("8bit.wav");
        Files.write(eightBit, pcmFile(1, 8000, 8));
        e = assertThrows(IllegalArgumentException.class, () -> AudioSources.wavFile(eightBit, false));
        assertEquals(WavFormatException.Reason.UNSUPPORTED_BITS, ((WavFormatException) e.getCause()).reason());
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
