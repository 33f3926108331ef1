package dev.parley.codecs;

/**
 * The decoding half of one stream, with packet loss concealment for frames that never arrived.
 * Never allocates per call.
 */
public interface AudioDecoder {

    /**
     * Decodes {@code length} payload bytes from {@code in[inOffset…]} into {@code pcm[pcmOffset…]}.
     *
     * @return the number of PCM samples written
     */
    int decode(byte[] in, int inOffset, int length, short[] pcm, int pcmOffset);

    /**
     * Writes {@code samples} samples of concealment audio for a lost frame, continuing from the
     * audio decoded so far (waveform repetition that fades over a long loss). The next call to
     * {@link #decode} merges smoothly back into real audio.
     *
     * @return the number of PCM samples written (always {@code samples})
     */
    int conceal(short[] pcm, int pcmOffset, int samples);

    /** Returns the decoder (and its concealment history) to its initial state. */
    void reset();
}
