package dev.parley.ua;

/**
 * Audio a call sends: a stream of 20 ms frames of 16-bit linear PCM, mono, pulled by the call's
 * media thread once per frame. Make one with {@link AudioSources}, or implement it yourself.
 *
 * <p>The call asks for the sample rate of the negotiated codec (8000 Hz for PCMU/PCMA, 16000 Hz for
 * G.722); a source resamples if its own audio has another rate. {@link #read} runs on the media
 * thread every 20 ms: it must not block and should not allocate.
 */
public interface AudioSource extends AutoCloseable {

    /** Duration of one frame in milliseconds. */
    int FRAME_MILLIS = 20;

    /** The number of samples in one 20 ms frame at {@code sampleRate} Hz. */
    static int frameSamples(int sampleRate) {
        if (sampleRate < 1000 || sampleRate % 50 != 0) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz has no whole 20 ms frame");
        }
        return sampleRate / 50;
    }

    /**
     * Fills {@code frame[0 … frameSamples(sampleRate))} with the next 20 ms of audio.
     *
     * @return false once the source has no more audio (the frame is then silence); a finished
     *         source keeps returning silence
     */
    boolean read(short[] frame, int sampleRate);

    /** Releases what the source holds (an open file). The default does nothing. */
    @Override
    default void close() {
    }
}
