package dev.parley.ua;

/**
 * A recording of both directions of a call mixed into one file. Put {@link #sent()} on the audio
 * the call sends (with {@link AudioSources#tap}) and {@link #received()} on the audio it receives
 * (with {@link AudioSinks#tee}); close the recording when the call ends.
 */
public interface MixedRecording extends AutoCloseable {

    /** The sink for the audio we send. */
    AudioSink sent();

    /** The sink for the audio we receive. */
    AudioSink received();

    /** Writes what is pending and completes the file. */
    @Override
    void close();
}
