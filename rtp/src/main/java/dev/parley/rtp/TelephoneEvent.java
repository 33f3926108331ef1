package dev.parley.rtp;

import java.nio.ByteBuffer;

/**
 * One RFC 4733 §2.3 named telephone event payload (4 bytes):
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     event     |E|R| volume    |          duration             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param event 0–255; RFC 4733 §3.2: 0–9 digits, 10 '*', 11 '#', 12–15 A–D
 * @param end the E bit: the event has ended
 * @param volume 0–63, power level in −dBm0
 * @param duration in RTP timestamp units since the event's timestamp, 0–65535
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {

    public static final int LENGTH = 4;

    public TelephoneEvent {
        if (event < 0 || event > 255 || volume < 0 || volume > 63 || duration < 0 || duration > 0xFFFF) {
            throw new IllegalArgumentException("telephone event " + event + "/" + volume + "/" + duration);
        }
    }

    /** RFC 4733 §3.2: the event code of a DTMF character (0–9, *, #, A–D), or -1. */
    public static int eventOf(char digit) {
        if (digit >= '0' && digit <= '9') {
            return digit - '0';
        }
        switch (Character.toUpperCase(digit)) {
            case '*': return 10;
            case '#': return 11;
            case 'A': return 12;
            case 'B': return 13;
            case 'C': return 14;
            case 'D': return 15;
            default: return -1;
        }
    }

    /** The DTMF character of an event code 0–15, or '?' for other events. */
    public static char digitOf(int event) {
        return event >= 0 && event < 16 ? "0123456789*#ABCD".charAt(event) : '?';
    }

    public void encodeTo(ByteBuffer dst) {
        dst.put((byte) event);
        dst.put((byte) ((end ? 0x80 : 0) | volume));
        dst.putShort((short) duration);
    }

    /**
     * Reads the payload at absolute index {@code offset} without allocating: returns the 4 bytes as
     * an int, or -1 when fewer than 4 bytes are present. Decode it with the static accessors.
     */
    public static long peek(ByteBuffer src, int offset, int length) {
        // RFC 4733 §2.3: an event payload is at least 4 bytes (§2.5.1.5: several blocks may follow).
        if (length < LENGTH) {
            return -1;
        }
        return src.getInt(offset) & 0xFFFFFFFFL;
    }

    public static int eventOf(long word) {
        return (int) (word >>> 24) & 0xFF;
    }

    public static boolean endOf(long word) {
        return (word & 0x800000L) != 0;
    }

    public static int durationOf(long word) {
        return (int) word & 0xFFFF;
    }

    /** Parses a payload, throwing {@link RtpParseException} when it is shorter than 4 bytes. */
    public static TelephoneEvent parse(ByteBuffer src, int offset, int length) {
        long word = peek(src, offset, length);
        if (word < 0) {
            throw new RtpParseException(RtpParseException.Reason.TRUNCATED, length);
        }
        return new TelephoneEvent(eventOf(word), endOf(word), (int) (word >>> 16) & 0x3F, durationOf(word));
    }
}
