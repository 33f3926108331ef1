package dev.parley.sip.message.internal;

import dev.parley.sip.message.SipParseException;

/**
 * The zero-copy face of a message: the buffer it was read from plus offsets of its start line,
 * its header fields and its body. Nothing is decoded here; typed values are made on demand.
 *
 * <p>Header field {@code i} occupies four ints of {@link #index}: name start, name length shifted
 * left by 8 or'ed with the {@link HeaderTable} id, value start and value end (value trimmed of
 * surrounding whitespace; a folded value still contains its CRLF and leading whitespace).
 */
public final class WireMessage {

    public final byte[] buf;
    /** First byte of the start line. */
    public final int start;
    public final boolean request;
    /** Request: method; response: SIP-Version. */
    public int firstStart;
    public int firstEnd;
    /** Request: Request-URI; response: the status code as a number in {@link #status}. */
    public int uriStart;
    public int uriEnd;
    public int status;
    /** Request: SIP-Version; response: reason phrase. */
    public int lastStart;
    public int lastEnd;
    public int[] index;
    public int count;
    public int bodyStart;
    public int bodyEnd;
    /** Content-Length value, or -1 when the header is absent. */
    public int contentLength = -1;
    /** Set when framing failed after the start line: this object is then the salvaged part. */
    public SipParseException error;

    WireMessage(byte[] buf, int start, boolean request) {
        this.buf = buf;
        this.start = start;
        this.request = request;
        this.index = new int[4 * 16];
    }

    /** One past the last byte of the message (the end of its body). */
    public int end() {
        return bodyEnd;
    }

    public int nameStart(int i) {
        return index[4 * i];
    }

    public int nameEnd(int i) {
        return index[4 * i] + (index[4 * i + 1] >>> 8);
    }

    public int id(int i) {
        return index[4 * i + 1] & 0xff;
    }

    public int valueStart(int i) {
        return index[4 * i + 2];
    }

    public int valueEnd(int i) {
        return index[4 * i + 3];
    }

    void add(int nameStart, int nameEnd, int id, int valueStart, int valueEnd) {
        if (4 * count == index.length) {
            index = java.util.Arrays.copyOf(index, index.length * 2);
        }
        int k = 4 * count++;
        index[k] = nameStart;
        index[k + 1] = ((nameEnd - nameStart) << 8) | id;
        index[k + 2] = valueStart;
        index[k + 3] = valueEnd;
    }

    /** A continuation line: the value grows to {@code valueEnd}, or starts here if it was empty. */
    void extendValue(int contentStart, int valueEnd) {
        int k = 4 * (count - 1);
        if (index[k + 2] == index[k + 3]) {
            index[k + 2] = contentStart;
        }
        index[k + 3] = valueEnd;
    }

    /** Index of the first header with the given id at or after {@code from}, or -1. */
    public int find(int id, int from) {
        for (int i = from; i < count; i++) {
            if ((index[4 * i + 1] & 0xff) == id) {
                return i;
            }
        }
        return -1;
    }

    /** Whether header {@code i} was folded over several lines. */
    public boolean isFolded(int i) {
        for (int p = valueStart(i); p < valueEnd(i); p++) {
            if (buf[p] == '\n' || buf[p] == '\r') {
                return true;
            }
        }
        return false;
    }

    /** Whether header {@code i} has the name {@code name} (case-insensitive, bytes of ASCII). */
    public boolean nameEquals(int i, byte[] lowerName) {
        int s = nameStart(i);
        int len = nameEnd(i) - s;
        if (len != lowerName.length) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (Chars.lower(buf[s + k]) != lowerName[k]) {
                return false;
            }
        }
        return true;
    }
}
