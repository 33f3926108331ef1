package dev.parley.ua.internal.media;

import dev.parley.ua.AudioSource;
import java.util.Arrays;

/** Digital silence that never finishes (what a muted microphone sends). */
public final class SilenceSource implements AudioSource {

    @Override
    public boolean read(short[] frame, int sampleRate) {
        Arrays.fill(frame, 0, AudioSource.frameSamples(sampleRate), (short) 0);
        return true;
    }
}
