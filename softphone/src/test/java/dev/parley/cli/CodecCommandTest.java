package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.Wav;
import dev.parley.codecs.WavAudio;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The codec subcommand reproduces the ITU-T G.191 golden vectors as one continuous stream. */
class CodecCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static Path vectors() {
        String shared = System.getProperty("parley.shared.dir", "../../shared");
        Path v = Path.of(shared, "vectors", "codecs");
        assertTrue(Files.isDirectory(v), "the shared codec vectors are missing: expected " + v.toAbsolutePath()
                + " (set -Dparley.shared.dir or check out shared/ beside the repository)");
        return v;
    }

    private ExitCode run(String... args) {
        return Main.standard().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void g722EncodeOfRawPcm_matchesTheReferenceStream() throws IOException {
        Path in = vectors().resolve("g722/itu_inpsp.16k.s16");
        Path outFile = dir.resolve("out.g722");
        assertEquals(ExitCode.SUCCESS, run("codec", "encode", "--codec", "g722", in.toString(), outFile.toString()));
        assertArrayEquals(Files.readAllBytes(vectors().resolve("g722/itu_inpsp.16k.g722")), Files.readAllBytes(outFile));
    }

    @Test
    void g722DecodeToRaw_matchesTheReferenceSamples() throws IOException {
        Path in = vectors().resolve("g722/codes_random.16k.g722");
        Path outFile = dir.resolve("out.s16");
        assertEquals(ExitCode.SUCCESS, run("codec", "decode", "--codec", "g722", in.toString(), outFile.toString()));
        assertArrayEquals(Files.readAllBytes(vectors().resolve("g722/codes_random.16k.g722.s16")), Files.readAllBytes(outFile));
    }

    @Test
    void pcmuEncodeOfAWavFile_matchesTheReferenceOctets() throws IOException {
        byte[] raw = Files.readAllBytes(vectors().resolve("g711/speech_en.8k.s16"));
        short[] pcm = new short[raw.length / 2];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) ((raw[2 * i] & 0xFF) | (raw[2 * i + 1] << 8));
        }
        Path wav = dir.resolve("speech.wav");
        Wav.write(wav, WavAudio.ofPcm(pcm, 8000));
        Path outFile = dir.resolve("speech.ulaw");
        assertEquals(ExitCode.SUCCESS, run("codec", "encode", "--codec", "pcmu", wav.toString(), outFile.toString()));
        assertArrayEquals(Files.readAllBytes(vectors().resolve("g711/speech_en.8k.ulaw")), Files.readAllBytes(outFile));
    }

    @Test
    void pcmaDecodeToWav_holdsTheReferenceSamples() throws IOException {
        Path outFile = dir.resolve("codes.wav");
        assertEquals(ExitCode.SUCCESS, run("codec", "decode", "--codec", "pcma",
                vectors().resolve("g711/codes_all.8k.alaw").toString(), outFile.toString()));
        WavAudio wav = Wav.read(outFile, 1 << 20);
        assertEquals(8000, wav.sampleRate());
        assertArrayEquals(Files.readAllBytes(vectors().resolve("g711/codes_all.8k.alaw.s16")), wav.data());
    }

    @Test
    void wavAtTheWrongRate_isAUsageErrorThatSaysTheRate() throws IOException {
        Path wav = dir.resolve("narrow.wav");
        Wav.write(wav, WavAudio.ofPcm(new short[160], 8000));
        assertEquals(ExitCode.USAGE, run("codec", "encode", "--codec", "g722", wav.toString(), dir.resolve("x").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("takes 16000 Hz"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownCodec_isAUsageError() {
        assertEquals(ExitCode.USAGE, run("codec", "encode", "--codec", "opus", "a", "b"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("use g722, pcmu or pcma"));
    }

    @Test
    void missingInput_isAnIoError() {
        assertEquals(ExitCode.IO_ERROR, run("codec", "decode", "--codec", "pcmu", dir.resolve("none").toString(),
                dir.resolve("o.wav").toString()));
    }
}
