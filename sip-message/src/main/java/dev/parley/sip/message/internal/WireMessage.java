package dev.parley.sip.message.internal;

import dev.parley.sip.message.SipParseException;

/**
 * The zero-copy face of a message: the buffer it was read from plus offsets of its start line,
 * its header fields and its body. Nothing is decoded here; typed values are made on demand.
 *
 * <p>Header field {@code i} occupies three ints of {@link #index}: the name's offset from the
 * message start with the {@link HeaderTable} id in its top 8 bits (so messages stay below
 * 16 MiB, see {@link dev.parley.sip.message.ParserLimits}), the value start and the value end (value trimmed of
 * surrounding whitespace; a folded value still contains its CRLF and leading whitespace). The
 * name's end is found again by scanning its token characters.
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

    WireMessage(byte[] buf, int start, boolean request, int length) {
        this.buf = buf;
        this.start = start;
        this.request = request;
        // Typical header lines are 30-60 bytes: size the index for the message, grow if needed.
        this.index = new int[3 * Math.max(6, Math.min(16, length / 40))];
    }

    /** One past the last byte of the message (the end of its body). */
    public int end() {
        return bodyEnd;
    }

    public int nameStart(int i) {
        return start + (index[3 * i] & 0xFFFFFF);
    }

    public int nameEnd(int i) {
        int s = start + (index[3 * i] & 0xFFFFFF);
        int e = s;
        while (Chars.is(buf[e], Chars.TOKEN)) {
            e++;
        }
        return e;
    }

    public int id(int i) {
        return index[3 * i] >>> 24;
    }

    public int valueStart(int i) {
        return index[3 * i + 1];
    }

    public int valueEnd(int i) {
        return index[3 * i + 2];
    }

    void add(int nameStart, int nameEnd, int id, int valueStart, int valueEnd) {
        if (3 * count == index.length) {
            index = java.util.Arrays.copyOf(index, index.length * 2);
        }
        int k = 3 * count++;
        index[k] = (nameStart - start) | (id << 24);
        index[k + 1] = valueStart;
        index[k + 2] = valueEnd;
    }

    /** A continuation line: the value grows to {@code valueEnd}, or starts here if it was empty. */
    void extendValue(int contentStart, int valueEnd) {
        int k = 3 * (count - 1);
        if (index[k + 1] == index[k + 2]) {
            index[k + 1] = contentStart;
        }
        index[k + 2] = valueEnd;
    }

    /** Index of the first header with the given id at or after {@code from}, or -1. */
    public int find(int id, int from) {
        for (int i = from; i < count; i++) {
            if (index[3 * i] >>> 24 == id) {
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
