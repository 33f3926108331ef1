package dev.parley.sip.message;

/**
 * Bounds the parser enforces so that hostile input cannot make it allocate without limit.
 *
 * @param maxMessageBytes largest message accepted (start line, headers and body), at most 16 MiB
 * @param maxHeaders      largest number of header lines
 * @param maxLineBytes    longest start line or header line (a folded header counts as one line)
 */
public record ParserLimits(int maxMessageBytes, int maxHeaders, int maxLineBytes) {

    /** 64 KiB messages, 256 header fields, 16 KiB lines. */
    public static final ParserLimits DEFAULT = new ParserLimits(64 * 1024, 256, 16 * 1024);

    public ParserLimits {
        // The header index packs offsets into 24 bits, hence the 16 MiB ceiling.
        if (maxMessageBytes < 64 || maxMessageBytes > (1 << 24) - 16 || maxHeaders < 1 || maxLineBytes < 32) {
            throw new IllegalArgumentException("limits too small: " + maxMessageBytes + "/" + maxHeaders + "/" + maxLineBytes);
        }
    }

    public ParserLimits withMaxMessageBytes(int value) {
        return new ParserLimits(value, maxHeaders, maxLineBytes);
    }

    public ParserLimits withMaxHeaders(int value) {
        return new ParserLimits(maxMessageBytes, value, maxLineBytes);
    }

    public ParserLimits withMaxLineBytes(int value) {
        return new ParserLimits(maxMessageBytes, maxHeaders, value);
    }
}
