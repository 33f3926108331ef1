package dev.parley.codecs;

/**
 * What a WAV file's header says about its samples: how they are encoded, how many channels are
 * interleaved, the sample rate, and which bytes of the file hold them. Read by {@link Wav#parse}
 * (whole files) and {@link WavReader} (streaming) through the same parser.
 *
 * @param encoding   how one sample of one channel is stored
 * @param channels   interleaved channels, 1 or 2
 * @param sampleRate samples per second per channel
 * @param dataOffset file offset of the first sample
 * @param dataLength bytes of samples, a whole number of frames
 */
public record WavHeader(WavEncoding encoding, int channels, int sampleRate, long dataOffset, long dataLength) {

    public WavHeader {
        java.util.Objects.requireNonNull(encoding, "encoding");
        if (channels < 1 || channels > 2 || sampleRate < 1 || dataOffset < 0 || dataLength < 0
                || dataLength % ((long) channels * encoding.bytesPerSample()) != 0) {
            throw new IllegalArgumentException(channels + " channels, " + sampleRate + " Hz, data "
                    + dataLength + " bytes at " + dataOffset);
        }
    }

    /** Bytes of one frame: one sample of every channel. */
    public int blockAlign() {
        return channels * encoding.bytesPerSample();
    }

    /** Number of frames (samples per channel) in the data chunk. */
    public long frameCount() {
        return dataLength / blockAlign();
    }
}
