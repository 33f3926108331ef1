package dev.parley.ua.internal.media;

import dev.parley.ua.AudioSink;

/** Discards every frame (a call nobody listens to). */
public final class NullSink implements AudioSink {

    @Override
    public void write(short[] frame, int sampleRate) {
        // Nothing to do: discarding is this sink's whole behaviour.
    }
}
