package dev.parley.sip.message.internal;

import java.nio.charset.StandardCharsets;

/**
 * Writes message bytes in two passes: with no array it only counts, so that the second pass can
 * fill an array of exactly the right size.
 */
public final class ByteSink {

    private final byte[] out;
    private int n;

    public ByteSink(byte[] out) {
        this.out = out;
    }

    /** A sink that writes into {@code out} starting at {@code offset}. */
    public ByteSink(byte[] out, int offset) {
        this.out = out;
        this.n = offset;
    }

    /** A sink that only counts. */
    public static ByteSink counter() {
        return new ByteSink(null);
    }

    public int length() {
        return n;
    }

    public byte[] array() {
        return out;
    }

    public void write(byte b) {
        if (out != null) {
            out[n] = b;
        }
        n++;
    }

    public void write(byte[] b, int s, int e) {
        if (out != null) {
            System.arraycopy(b, s, out, n, e - s);
        }
        n += e - s;
    }

    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    public void crlf() {
        write((byte) '\r');
        write((byte) '\n');
    }

    public void ascii(String s) {
        if (out != null) {
            for (int i = 0; i < s.length(); i++) {
                out[n + i] = (byte) s.charAt(i);
            }
        }
        n += s.length();
    }

    public void utf8(String s) {
        write(s.getBytes(StandardCharsets.UTF_8));
    }

    public void decimal(long v) {
        if (v >= 10) {
            decimal(v / 10);
        }
        write((byte) ('0' + v % 10));
    }

    /** RFC 3261 §7.3.1: each fold ([CR] LF followed by whitespace) becomes a single SP. */
    public void unfolded(byte[] b, int s, int e) {
        int run = s;
        for (int p = s; p < e; p++) {
            if (b[p] == '\r' || b[p] == '\n') {
                write(b, run, p);
                write((byte) ' ');
                while (p + 1 < e && Chars.isLws(b[p + 1])) {
                    p++;
                }
                run = p + 1;
            }
        }
        write(b, run, e);
    }

    /** The unfolded value of {@code b[s,e)} as a UTF-8 string. */
    public static String unfoldedString(byte[] b, int s, int e) {
        for (int p = s; p < e; p++) {
            if (b[p] == '\r' || b[p] == '\n') {
                ByteSink count = counter();
                count.unfolded(b, s, e);
                ByteSink sink = new ByteSink(new byte[count.length()]);
                sink.unfolded(b, s, e);
                return new String(sink.out, StandardCharsets.UTF_8);
            }
        }
        return new String(b, s, e - s, StandardCharsets.UTF_8);
    }
}
