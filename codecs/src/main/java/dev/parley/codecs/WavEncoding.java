package dev.parley.codecs;

/** The WAV sample encodings Parley reads and writes, with their RIFF {@code WAVE_FORMAT} tags. */
public enum WavEncoding {
    /** WAVE_FORMAT_PCM (1), 16-bit signed little-endian samples. */
    PCM_16(1, 16),
    /** WAVE_FORMAT_ALAW (6), one G.711 A-law octet per sample. */
    ALAW(6, 8),
    /** WAVE_FORMAT_MULAW (7), one G.711 µ-law octet per sample. */
    ULAW(7, 8);

    private final int formatTag;
    private final int bitsPerSample;

    WavEncoding(int formatTag, int bitsPerSample) {
        this.formatTag = formatTag;
        this.bitsPerSample = bitsPerSample;
    }

    /** The {@code wFormatTag} of the {@code fmt } chunk. */
    public int formatTag() {
        return formatTag;
    }

    /** Bits per sample of one (mono) sample. */
    public int bitsPerSample() {
        return bitsPerSample;
    }

    /** Bytes per (mono) sample. */
    public int bytesPerSample() {
        return bitsPerSample / 8;
    }
}
