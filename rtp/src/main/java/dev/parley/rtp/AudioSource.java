package dev.parley.rtp;

/** Where a session's outgoing audio comes from: one frame of 16-bit PCM per tick. */
@FunctionalInterface
public interface AudioSource {

    /**
     * Fills {@code pcm[0…samples)} with the next frame.
     *
     * @return {@code false} if there is nothing to send (silence suppression: no packet goes out,
     *     and the next packet starts a talkspurt with the marker bit set)
     */
    boolean read(short[] pcm, int samples);

    /** A source of silence that never sends. */
    static AudioSource silent() {
        return (pcm, samples) -> false;
    }
}
