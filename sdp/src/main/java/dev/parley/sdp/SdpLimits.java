package dev.parley.sdp;

/**
 * Bounds the parser enforces so that hostile input cannot make it allocate without limit.
 *
 * @param maxBytes largest description accepted
 * @param maxMedia most m= sections
 * @param maxLinesPerSection most attribute, bandwidth and unknown lines in one section
 * @param maxFormats most formats on one m= line
 */
public record SdpLimits(int maxBytes, int maxMedia, int maxLinesPerSection, int maxFormats) {
    /** 64 KiB, 64 media, 512 lines per section, 128 formats (every RTP payload type). */
    public static final SdpLimits DEFAULT = new SdpLimits(65_536, 64, 512, 128);

    public SdpLimits {
        if (maxBytes < 1 || maxMedia < 0 || maxLinesPerSection < 1 || maxFormats < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
