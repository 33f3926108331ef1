package dev.parley.rtp;

/** Where a session's received audio goes: one frame of 16-bit PCM per tick. */
@FunctionalInterface
public interface AudioSink {

    /**
     * Receives the frame for this tick: decoded, concealed, or zeros for silence.
     * The array is reused: copy what must be kept.
     */
    void write(short[] pcm, int samples);

    /** A sink that drops everything. */
    static AudioSink discard() {
        return (pcm, samples) -> { };
    }
}
