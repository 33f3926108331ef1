package dev.parley.cli;

/**
 * Converts a byte offset in a file into a 1-based line and column, counting LF as the line end (so
 * CRLF and bare-LF files give the same lines). Columns count bytes, as the parsers' offsets do.
 */
record TextPosition(int line, int column) {

    static TextPosition of(byte[] text, int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < clamped; i++) {
            if (text[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new TextPosition(line, clamped - lineStart + 1);
    }

    /** The offset of the first byte of 1-based {@code line}, or the text length past the end. */
    static int lineStart(byte[] text, int line) {
        int current = 1;
        for (int i = 0; i < text.length && current < line; i++) {
            if (text[i] == '\n') {
                current++;
                if (current == line) {
                    return i + 1;
                }
            }
        }
        return line <= 1 ? 0 : text.length;
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
