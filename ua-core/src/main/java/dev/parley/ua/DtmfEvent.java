package dev.parley.ua;

/**
 * A DTMF digit received on a call (part 2: RFC 4733 telephone-event or SIP INFO).
 *
 * @param digit          one of {@code 0-9 * # A-D}
 * @param durationMillis how long the key was held
 */
public record DtmfEvent(char digit, int durationMillis) {

    public DtmfEvent {
        if ("0123456789*#ABCD".indexOf(digit) < 0) {
            throw new IllegalArgumentException("not a DTMF digit: " + digit);
        }
        if (durationMillis < 0) {
            throw new IllegalArgumentException("duration " + durationMillis);
        }
    }
}
