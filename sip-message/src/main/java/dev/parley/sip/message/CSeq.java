package dev.parley.sip.message;

/**
 * RFC 3261 §20.16 CSeq: a sequence number and the request method.
 *
 * @param number 0 to 2^32-1 (§8.1.1.5 asks senders for less than 2^31; receivers accept 32 bits)
 * @param method the method, case-sensitive
 */
public record CSeq(long number, String method) {

    public static final long MAX = 0xFFFF_FFFFL;

    public CSeq {
        // RFC 3261 §8.1.1.5: the sequence number MUST be expressible as a 32-bit unsigned integer.
        if (number < 0 || number > MAX) {
            throw new IllegalArgumentException("CSeq number out of range: " + number);
        }
        if (!dev.parley.sip.message.internal.Chars.isToken(method)) {
            throw new IllegalArgumentException("CSeq method is not a token: " + method);
        }
    }

    public static CSeq parse(String text) {
        return HeaderParsers.cseq(dev.parley.sip.message.internal.Cursor.of(text));
    }

    @Override
    public String toString() {
        return number + " " + method;
    }
}
