package dev.parley.codecs;

/**
 * The encoding half of one stream. Stateful codecs (G.722) carry their state across calls exactly
 * as if the whole stream had been encoded at once. Never allocates per call.
 */
public interface AudioEncoder {

    /**
     * Encodes {@code samples} 16-bit PCM samples from {@code pcm[pcmOffset…]} into
     * {@code out[outOffset…]}.
     *
     * @return the number of bytes written
     */
    int encode(short[] pcm, int pcmOffset, int samples, byte[] out, int outOffset);

    /** Returns the encoder to its initial state. */
    void reset();
}
