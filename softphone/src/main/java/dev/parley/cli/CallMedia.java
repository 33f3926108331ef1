package dev.parley.cli;

import dev.parley.ua.AudioSinks;
import dev.parley.ua.AudioSources;
import dev.parley.ua.Call;
import java.io.IOException;
import java.nio.file.Path;

/** {@code --play FILE} and {@code --record FILE}: the WAV source and sink of a call. */
final class CallMedia {

    /** Recordings are written at 16 kHz: nothing a G.722 call carries is lost, G.711 is upsampled. */
    static final int RECORD_RATE = 16_000;

    static final OptionSpec PLAY = OptionSpec.value("play", "FILE.wav", "send this WAV file (16-bit PCM), in a loop");
    static final OptionSpec RECORD = OptionSpec.value("record", "FILE.wav", "record what the other side sends (16 kHz WAV)");

    private CallMedia() {
    }

    /** Opens the files before any call exists, so that a bad path is a usage error, not a failed call. */
    static void checkFiles(ParsedArgs args) throws UsageException {
        if (args.value("play").isPresent()) {
            Path p = Path.of(args.value("play").get());
            if (!java.nio.file.Files.isReadable(p)) {
                throw new UsageException("--play: cannot read " + p);
            }
        }
        if (args.value("record").isPresent()) {
            Path parent = Path.of(args.value("record").get()).toAbsolutePath().getParent();
            if (parent != null && !java.nio.file.Files.isDirectory(parent)) {
                throw new UsageException("--record: no such directory " + parent);
            }
        }
    }

    static void attach(Call call, ParsedArgs args) throws IOException {
        if (args.value("play").isPresent()) {
            call.audioSource(AudioSources.wavFile(Path.of(args.value("play").get()), true));
        }
        if (args.value("record").isPresent()) {
            call.audioSink(AudioSinks.wavFile(Path.of(args.value("record").get()), RECORD_RATE));
        }
    }
}
