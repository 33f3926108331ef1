package dev.parley.ua;

/**
 * Audio a call receives: the decoded 20 ms frames of 16-bit linear PCM, mono, pushed by the call's
 * media thread once per frame (concealment audio included when a packet was lost). Make one with
 * {@link AudioSinks}, or implement it yourself.
 *
 * <p>{@link #write} runs on the media thread every 20 ms: it must not block and should not allocate.
 * The frame array is reused after the call returns: copy what you keep.
 */
public interface AudioSink extends AutoCloseable {

    /** Takes one frame of {@link AudioSource#frameSamples(int) frameSamples(sampleRate)} samples. */
    void write(short[] frame, int sampleRate);

    /** Flushes and releases what the sink holds (completes a WAV file). The default does nothing. */
    @Override
    default void close() {
    }
}
