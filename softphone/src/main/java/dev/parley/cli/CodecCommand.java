package dev.parley.cli;

import dev.parley.codecs.AudioCodec;
import dev.parley.codecs.AudioDecoder;
import dev.parley.codecs.AudioEncoder;
import dev.parley.codecs.Codecs;
import dev.parley.codecs.Wav;
import dev.parley.codecs.WavAudio;
import dev.parley.codecs.WavEncoding;
import dev.parley.codecs.WavFormatException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code parley codec encode|decode --codec g722|pcmu|pcma IN OUT}: converts between PCM (a WAV
 * file, or raw 16-bit little-endian samples in {@code .raw}/{@code .s16}) and the raw codec
 * bitstream, as one continuous stream from the reset state, like the ITU reference tools.
 */
final class CodecCommand implements Subcommand {

    /** Largest input accepted (a few minutes of 16 kHz audio): the command reads files whole. */
    static final int MAX_INPUT_BYTES = 64 << 20;
    private static final int FRAME_MILLIS = 20;

    private final ArgParser parser = new ArgParser("codec", List.of(
            OptionSpec.value("codec", "NAME", "g722, pcmu or pcma")));

    @Override
    public String name() {
        return "codec";
    }

    @Override
    public String summary() {
        return "encode PCM to a G.711/G.722 bitstream, or decode one to PCM";
    }

    @Override
    public String help() {
        return parser.help("encode|decode --codec g722|pcmu|pcma IN OUT", """
                encode: IN is a 16-bit mono WAV at the codec's sample rate (8000 Hz for pcmu/pcma,
                        16000 Hz for g722) or raw 16-bit little-endian PCM (.raw, .s16); OUT is the
                        raw bitstream (one octet per G.711 sample, per pair of G.722 samples).
                decode: IN is the raw bitstream; OUT is a WAV file, or raw PCM when it ends in
                        .raw or .s16.
                The stream is coded continuously from the reset state in 20 ms frames, which gives
                the same result as coding it at once.""");
    }

    @Override
    public ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        ParsedArgs parsed = parser.parse(args);
        List<String> pos = parsed.positional();
        if (pos.size() != 3 || !(pos.get(0).equals("encode") || pos.get(0).equals("decode"))) {
            throw new UsageException("parley codec: expected 'encode|decode --codec NAME IN OUT'; e.g. "
                    + "parley codec encode --codec g722 speech.wav speech.g722");
        }
        AudioCodec codec = codecNamed(parsed.require("codec"));
        Path in = Path.of(pos.get(1));
        Path outPath = Path.of(pos.get(2));
        try {
            byte[] input = readBounded(in);
            if (pos.get(0).equals("encode")) {
                short[] pcm = readPcm(in, input, codec);
                byte[] stream = encode(codec, pcm);
                Files.write(outPath, stream);
                out.println("encoded " + pcm.length + " samples at " + codec.sampleRate() + " Hz to "
                        + stream.length + " octets of " + codec.encodingName());
            } else {
                short[] pcm = decode(codec, input);
                writePcm(outPath, pcm, codec.sampleRate());
                out.println("decoded " + input.length + " octets of " + codec.encodingName() + " to "
                        + pcm.length + " samples at " + codec.sampleRate() + " Hz");
            }
            return ExitCode.SUCCESS;
        } catch (NoSuchFileException e) {
            err.println("parley codec: no such file: " + e.getFile());
            return ExitCode.IO_ERROR;
        } catch (IOException e) {
            err.println("parley codec: " + e.getMessage());
            return ExitCode.IO_ERROR;
        }
    }

    static AudioCodec codecNamed(String name) throws UsageException {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "g722" -> Codecs.G722;
            case "pcmu", "ulaw" -> Codecs.PCMU;
            case "pcma", "alaw" -> Codecs.PCMA;
            default -> throw new UsageException("parley codec: unknown codec '" + name + "'; use g722, pcmu or pcma");
        };
    }

    private static byte[] readBounded(Path in) throws IOException {
        if (Files.size(in) > MAX_INPUT_BYTES) {
            throw new IOException(in + " is larger than " + (MAX_INPUT_BYTES >> 20) + " MiB");
        }
        return Files.readAllBytes(in);
    }

    private static boolean isRaw(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".raw") || n.endsWith(".s16");
    }

    private static short[] readPcm(Path path, byte[] input, AudioCodec codec) throws IOException, UsageException {
        if (isRaw(path)) {
            if (input.length % 2 != 0) {
                throw new IOException(path + " has an odd number of bytes: not 16-bit PCM");
            }
            // Raw PCM is a WAV data chunk without its header: let WavAudio decode the samples.
            return new WavAudio(WavEncoding.PCM_16, codec.sampleRate(), input).samples();
        }
        WavAudio wav;
        try {
            wav = Wav.parse(input);
        } catch (WavFormatException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
        if (wav.sampleRate() != codec.sampleRate()) {
            throw new UsageException("parley codec: " + path + " is sampled at " + wav.sampleRate() + " Hz but "
                    + codec.encodingName() + " takes " + codec.sampleRate() + " Hz; convert it first");
        }
        return wav.samples();
    }

    /** Encodes the whole stream in 20 ms frames from one encoder; a trailing partial frame is coded as is. */
    static byte[] encode(AudioCodec codec, short[] pcm) {
        AudioEncoder encoder = codec.newEncoder();
        int frame = codec.samplesPerFrame(FRAME_MILLIS);
        // G.722 codes sample pairs: an odd final sample is padded with silence.
        short[] samples = pcm;
        if (codec.encodedLength(2) == 1 && pcm.length % 2 != 0) {
            samples = java.util.Arrays.copyOf(pcm, pcm.length + 1);
        }
        byte[] out = new byte[codec.encodedLength(samples.length)];
        int written = 0;
        for (int pos = 0; pos < samples.length; pos += frame) {
            int n = Math.min(frame, samples.length - pos);
            written += encoder.encode(samples, pos, n, out, written);
        }
        return out;
    }

    static short[] decode(AudioCodec codec, byte[] stream) {
        AudioDecoder decoder = codec.newDecoder();
        int frameBytes = codec.encodedLength(codec.samplesPerFrame(FRAME_MILLIS));
        short[] pcm = new short[codec.decodedLength(stream.length)];
        int written = 0;
        for (int pos = 0; pos < stream.length; pos += frameBytes) {
            int n = Math.min(frameBytes, stream.length - pos);
            written += decoder.decode(stream, pos, n, pcm, written);
        }
        return pcm;
    }

    private static void writePcm(Path path, short[] pcm, int sampleRate) throws IOException {
        WavAudio audio = WavAudio.ofPcm(pcm, sampleRate);
        if (isRaw(path)) {
            Files.write(path, audio.data());
        } else {
            Wav.write(path, audio);
        }
    }
}
