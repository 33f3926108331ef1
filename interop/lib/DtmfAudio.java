import dev.parley.codecs.DtmfDetector;
import dev.parley.codecs.Resampler;
import dev.parley.codecs.Tone;
import dev.parley.codecs.ToneGenerator;
import dev.parley.codecs.Wav;
import dev.parley.codecs.WavAudio;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The interop suite's audio probe, built on Parley's own codecs module (run it with the parley jar
 * on the class path: {@code java -cp softphone/target/parley.jar interop/lib/DtmfAudio.java ...}).
 *
 * <pre>
 * write OUT.wav RATE SECONDS DIGITS   a 16-bit mono WAV at RATE (8000 or 16000) holding DIGITS as
 *                                     in-band DTMF, 120 ms on and 80 ms off, repeated for SECONDS
 * check IN.wav DIGITS                 exit 0 when the DTMF heard in IN.wav (8 or 16 kHz) contains
 *                                     DIGITS in that order; prints what was heard and the level
 * </pre>
 *
 * A sequence of keys is a sharper probe than "some energy": it survives G.711 and G.722 only if
 * the far end encoded and Parley decoded with the codec both sides agreed on, at the right rate,
 * in the right order — and a recording of Parley's own audio (a loop) carries other digits.
 */
final class DtmfAudio {

    private static final int TONE_MS = 120;
    private static final int GAP_MS = 80;
    private static final int MAX_WAV_BYTES = 64 << 20;

    public static void main(String[] args) throws IOException {
        if (args.length == 5 && args[0].equals("write")) {
            write(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4]);
        } else if (args.length == 3 && args[0].equals("check")) {
            System.exit(check(Path.of(args[1]), args[2]) ? 0 : 1);
        } else {
            System.err.println("usage: DtmfAudio write OUT.wav RATE SECONDS DIGITS | check IN.wav DIGITS");
            System.exit(2);
        }
    }

    private static void write(Path out, int rate, int seconds, String digits) throws IOException {
        if (rate != 8000 && rate != 16000) {
            throw new IllegalArgumentException("rate must be 8000 or 16000: " + rate);
        }
        short[] pcm = new short[rate * seconds];
        int toneSamples = rate * TONE_MS / 1000;
        int step = rate * (TONE_MS + GAP_MS) / 1000;
        for (int at = step / 2, i = 0; at + toneSamples <= pcm.length; at += step, i++) {
            ToneGenerator tone = new ToneGenerator(Tone.dtmf(digits.charAt(i % digits.length()), TONE_MS), rate);
            tone.generate(pcm, at, toneSamples);
        }
        Wav.write(out, WavAudio.ofPcm(pcm, rate));
    }

    private static boolean check(Path in, String digits) throws IOException {
        WavAudio audio = Wav.read(in, MAX_WAV_BYTES);
        short[] pcm = audio.samples();
        short[] narrow = pcm;
        if (audio.sampleRate() == 16000) {
            Resampler down = Resampler.downsampling16kTo8k();
            narrow = new short[pcm.length / 2];
            down.process(pcm, 0, pcm.length & ~1, narrow, 0);
        } else if (audio.sampleRate() != 8000) {
            System.out.println("unsupported sample rate " + audio.sampleRate());
            return false;
        }
        StringBuilder heard = new StringBuilder();
        new DtmfDetector((key, start) -> heard.append(key)).process(narrow, 0, narrow.length);
        double sum = 0;
        for (short s : pcm) {
            sum += (double) s * s;
        }
        double rms = pcm.length == 0 ? 0 : Math.sqrt(sum / pcm.length);
        double dbfs = rms == 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(rms / 32768);
        boolean found = heard.indexOf(digits) >= 0;
        System.out.printf("%s: %.1f s at %d Hz, %.1f dBFS, heard \"%s\", expected \"%s\": %s%n",
                in.getFileName(), pcm.length / (double) audio.sampleRate(), audio.sampleRate(), dbfs,
                abbreviate(heard), digits, found ? "found" : "NOT found");
        return found;
    }

    private static String abbreviate(CharSequence s) {
        return s.length() <= 40 ? s.toString() : s.subSequence(0, 40) + "...";
    }
}
