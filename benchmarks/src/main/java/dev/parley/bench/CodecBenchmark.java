package dev.parley.bench;

import dev.parley.bench.codecs.TestSignal;
import dev.parley.codecs.AudioDecoder;
import dev.parley.codecs.AudioEncoder;
import dev.parley.codecs.Codecs;
import dev.parley.codecs.DtmfDetector;
import dev.parley.codecs.Resampler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Codec throughput. One operation is one 20 ms frame: 160 samples at 8 kHz for G.711, 320 samples
 * at 16 kHz for G.722; for the resamplers and the DTMF detector, 20 ms of input. Frames cycle through two seconds of speech-like audio so that the adaptive
 * G.722 state sees varied input; the arrays are reused, so any allocation shown by {@code -prof gc}
 * is the codec's own.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {

    private static final int FRAMES = 100;

    private short[] narrow;        // 2 s at 8 kHz
    private short[] wide;          // 2 s at 16 kHz
    private byte[] ulaw;
    private byte[] alaw;
    private byte[] g722;
    private final short[] pcmOut = new short[320];
    private final byte[] codeOut = new byte[160];
    private int frame;

    private AudioEncoder ulawEncoder;
    private AudioDecoder ulawDecoder;
    private AudioEncoder alawEncoder;
    private AudioDecoder alawDecoder;
    private AudioEncoder g722Encoder;
    private AudioDecoder g722Decoder;
    private Resampler upsampler;
    private Resampler downsampler;
    private DtmfDetector dtmfDetector;
    private int digits;

    @Setup
    public void setUp() {
        narrow = TestSignal.speechLike(8000, 160 * FRAMES);
        wide = TestSignal.speechLike(16000, 320 * FRAMES);
        ulawEncoder = Codecs.PCMU.newEncoder();
        ulawDecoder = Codecs.PCMU.newDecoder();
        alawEncoder = Codecs.PCMA.newEncoder();
        alawDecoder = Codecs.PCMA.newDecoder();
        g722Encoder = Codecs.G722.newEncoder();
        g722Decoder = Codecs.G722.newDecoder();
        upsampler = Resampler.upsampling8kTo16k();
        downsampler = Resampler.downsampling16kTo8k();
        dtmfDetector = new DtmfDetector((key, start) -> digits++);
        ulaw = new byte[narrow.length];
        alaw = new byte[narrow.length];
        g722 = new byte[wide.length / 2];
        Codecs.PCMU.newEncoder().encode(narrow, 0, narrow.length, ulaw, 0);
        Codecs.PCMA.newEncoder().encode(narrow, 0, narrow.length, alaw, 0);
        Codecs.G722.newEncoder().encode(wide, 0, wide.length, g722, 0);
    }

    private int nextFrame() {
        int f = frame;
        frame = f + 1 == FRAMES ? 0 : f + 1;
        return f;
    }

    @Benchmark
    public byte[] ulawEncode() {
        ulawEncoder.encode(narrow, 160 * nextFrame(), 160, codeOut, 0);
        return codeOut;
    }

    @Benchmark
    public short[] ulawDecode() {
        ulawDecoder.decode(ulaw, 160 * nextFrame(), 160, pcmOut, 0);
        return pcmOut;
    }

    /**
     * The start of a loss, at its most expensive: one good frame, then one concealed frame, which
     * runs the pitch search of G.711 Appendix I over the history. Two frames per operation.
     */
    @Benchmark
    public short[] ulawDecodeThenConceal() {
        ulawDecoder.decode(ulaw, 160 * nextFrame(), 160, pcmOut, 0);
        ulawDecoder.conceal(pcmOut, 160, 160);
        return pcmOut;
    }

    @Benchmark
    public byte[] alawEncode() {
        alawEncoder.encode(narrow, 160 * nextFrame(), 160, codeOut, 0);
        return codeOut;
    }

    @Benchmark
    public short[] alawDecode() {
        alawDecoder.decode(alaw, 160 * nextFrame(), 160, pcmOut, 0);
        return pcmOut;
    }

    @Benchmark
    public byte[] g722Encode() {
        g722Encoder.encode(wide, 320 * nextFrame(), 320, codeOut, 0);
        return codeOut;
    }

    @Benchmark
    public short[] g722Decode() {
        g722Decoder.decode(g722, 160 * nextFrame(), 160, pcmOut, 0);
        return pcmOut;
    }

    @Benchmark
    public short[] upsample8kTo16k() {
        upsampler.process(narrow, 160 * nextFrame(), 160, pcmOut, 0);
        return pcmOut;
    }

    @Benchmark
    public short[] downsample16kTo8k() {
        downsampler.process(wide, 320 * nextFrame(), 320, pcmOut, 0);
        return pcmOut;
    }

    @Benchmark
    public int dtmfDetect() {
        dtmfDetector.process(narrow, 160 * nextFrame(), 160);
        return digits;
    }
}
