package dev.parley.codecs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.codecs.WavFormatException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavTest {

    private static final short[] SAMPLES = {0, 1, -1, 32767, -32768, 1000, -1000};

    @Test
    void pcm16_writesTheCanonicalHeaderAndLittleEndianSamples() {
        byte[] file = Wav.toBytes(WavAudio.ofPcm(SAMPLES, 16000));
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(44 + 14, file.length);
        assertEquals(file.length - 8, b.getInt(4));
        assertEquals(1, b.getShort(20));          // WAVE_FORMAT_PCM
        assertEquals(1, b.getShort(22));          // mono
        assertEquals(16000, b.getInt(24));
        assertEquals(32000, b.getInt(28));        // byte rate
        assertEquals(2, b.getShort(32));          // block align
        assertEquals(16, b.getShort(34));
        assertEquals(14, b.getInt(40));           // data size
        assertEquals((short) -32768, b.getShort(44 + 8));
    }

    @Test
    void everyEncoding_roundTrips() {
        for (int rate : new int[] {8000, 16000}) {
            WavAudio pcm = WavAudio.ofPcm(SAMPLES, rate);
            assertEquals(pcm, Wav.parse(Wav.toBytes(pcm)));
            assertArrayEquals(SAMPLES, Wav.parse(Wav.toBytes(pcm)).samples());
        }
        byte[] codes = {(byte) 0xFF, 0x7F, 0x00, (byte) 0x80, 0x55, (byte) 0xD5, 0x2A};
        for (WavEncoding g711 : new WavEncoding[] {WavEncoding.ALAW, WavEncoding.ULAW}) {
            WavAudio audio = new WavAudio(g711, 8000, codes);
            byte[] file = Wav.toBytes(audio);
            assertEquals(g711.formatTag(), file[20]);
            assertEquals(audio, Wav.parse(file));
        }
    }

    @Test
    void g711Data_decodesWithTheCodec() {
        byte[] codes = new byte[256];
        for (int i = 0; i < 256; i++) {
            codes[i] = (byte) i;
        }
        short[] viaWav = Wav.parse(Wav.toBytes(new WavAudio(WavEncoding.ULAW, 8000, codes))).samples();
        short[] viaCodec = new short[256];
        Codecs.PCMU.newDecoder().decode(codes, 0, 256, viaCodec, 0);
        assertArrayEquals(viaCodec, viaWav);
    }

    @Test
    void oddDataLength_isPaddedAndStillParses() {
        WavAudio audio = new WavAudio(WavEncoding.ALAW, 8000, new byte[] {1, 2, 3});
        byte[] file = Wav.toBytes(audio);
        assertEquals(0, file.length % 2);
        assertEquals(audio, Wav.parse(file));
    }

    @Test
    void unknownChunks_areSkipped() {
        byte[] plain = Wav.toBytes(WavAudio.ofPcm(SAMPLES, 8000));
        // Insert a 3-byte LIST chunk (padded to 4) between fmt and data.
        byte[] list = {'L', 'I', 'S', 'T', 3, 0, 0, 0, 'a', 'b', 'c', 0};
        byte[] file = new byte[plain.length + list.length];
        System.arraycopy(plain, 0, file, 0, 36);
        System.arraycopy(list, 0, file, 36, list.length);
        System.arraycopy(plain, 36, file, 36 + list.length, plain.length - 36);
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(4, file.length - 8);
        assertArrayEquals(SAMPLES, Wav.parse(file).samples());
    }

    private static byte[] pcmFile() {
        return Wav.toBytes(WavAudio.ofPcm(SAMPLES, 8000));
    }

    private static byte[] with(byte[] file, int offset, int value, int width) {
        byte[] copy = file.clone();
        ByteBuffer b = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        if (width == 2) {
            b.putShort(offset, (short) value);
        } else {
            b.putInt(offset, value);
        }
        return copy;
    }

    private static void assertRejected(Reason reason, long offset, byte[] file) {
        WavFormatException e = assertThrows(WavFormatException.class, () -> Wav.parse(file));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(offset, e.offset(), e.getMessage());
        assertEquals(0, e.getStackTrace().length);
    }

    @Test
    void badFiles_areRejectedWithReasonAndOffset() {
        byte[] ok = pcmFile();
        assertRejected(Reason.TRUNCATED, 0, new byte[] {'R', 'I'});
        assertRejected(Reason.NOT_RIFF, 0, "RIFX\0\0\0\0WAVE".getBytes());
        assertRejected(Reason.TRUNCATED, 8, java.util.Arrays.copyOf(ok, 8));
        assertRejected(Reason.NOT_WAVE, 8, with(ok, 8, 0x45564157 + 1, 4));
        assertRejected(Reason.LYING_SIZE, 4, with(ok, 4, ok.length, 4));
        assertRejected(Reason.LYING_SIZE, 4, java.util.Arrays.copyOf(ok, ok.length - 1));
        assertRejected(Reason.LYING_SIZE, 40, with(ok, 40, 1000, 4));
        assertRejected(Reason.LYING_SIZE, 40, with(ok, 40, -1, 4));
        assertRejected(Reason.UNSUPPORTED_ENCODING, 20, with(ok, 20, 0xFFFE, 2));
        assertRejected(Reason.UNSUPPORTED_ENCODING, 20, with(ok, 20, 3, 2));
        assertRejected(Reason.UNSUPPORTED_CHANNELS, 22, with(ok, 22, 2, 2));
        assertRejected(Reason.UNSUPPORTED_RATE, 24, with(ok, 24, 44100, 4));
        assertRejected(Reason.UNSUPPORTED_BITS, 34, with(ok, 34, 8, 2));
        assertRejected(Reason.INCONSISTENT_FORMAT, 32, with(ok, 32, 4, 2));
        assertRejected(Reason.INCONSISTENT_FORMAT, 28, with(ok, 28, 8000, 4));
        assertRejected(Reason.PARTIAL_SAMPLE, 40, with(with(ok, 40, 13, 4), 4, ok.length - 8, 4));
        // G.711 is 8 kHz only.
        byte[] alaw = Wav.toBytes(new WavAudio(WavEncoding.ALAW, 8000, new byte[4]));
        assertRejected(Reason.UNSUPPORTED_RATE, 24, with(with(alaw, 24, 16000, 4), 28, 16000, 4));
        // "data" renamed: no data chunk; "fmt " renamed: data before format.
        assertRejected(Reason.MISSING_DATA, ok.length, with(ok, 36, 0x61746164 + 1, 4));
        assertRejected(Reason.MISSING_FORMAT, 36, with(ok, 12, 0x20746d66 + 1, 4));
    }

    @Test
    void mutatedFiles_onlyEverFailWithWavFormatException() {
        SplittableRandom random = new SplittableRandom(4);
        byte[][] seeds = {pcmFile(), Wav.toBytes(new WavAudio(WavEncoding.ULAW, 8000, new byte[33]))};
        for (int i = 0; i < 200_000; i++) {
            byte[] file = seeds[i & 1].clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                int at = random.nextInt(file.length);
                file[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (file[at] ^ (1 << random.nextInt(8)));
            }
            int length = random.nextInt(8) == 0 ? random.nextInt(file.length + 1) : file.length;
            try {
                WavAudio audio = Wav.parse(file, 0, length);
                assertEquals(audio, Wav.parse(Wav.toBytes(audio)));
            } catch (WavFormatException expected) {
                // the only acceptable failure
            }
        }
    }

    @Test
    void read_enforcesTheSizeLimit(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a.wav");
        Wav.write(file, WavAudio.ofPcm(SAMPLES, 8000));
        assertArrayEquals(SAMPLES, Wav.read(file, 1000).samples());
        WavFormatException e = assertThrows(WavFormatException.class, () -> Wav.read(file, 40));
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertEquals(Files.size(file), Wav.toBytes(WavAudio.ofPcm(SAMPLES, 8000)).length);
    }
}
