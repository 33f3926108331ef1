package dev.parley.rtp;

import java.nio.ByteBuffer;

/**
 * One reception report block of an SR or RR (RFC 3550 §6.4.1), 24 bytes on the wire.
 *
 * @param ssrc the source this block reports on
 * @param fractionLost fraction lost since the previous report, in 1/256 (0–255)
 * @param cumulativeLost packets lost since the start, a signed 24-bit value (duplicates make it
 *     negative)
 * @param extendedHighestSequence cycles &lt;&lt; 16 | highest sequence number received
 * @param jitter interarrival jitter in timestamp units
 * @param lastSr middle 32 bits of the NTP timestamp of the last SR received from the source (LSR)
 * @param delaySinceLastSr delay since that SR in 1/65536 s (DLSR)
 */
public record ReportBlock(int ssrc, int fractionLost, int cumulativeLost, int extendedHighestSequence,
        int jitter, int lastSr, int delaySinceLastSr) {

    public static final int LENGTH = 24;

    public ReportBlock {
        if (fractionLost < 0 || fractionLost > 255) {
            throw new IllegalArgumentException("fraction lost " + fractionLost);
        }
        // RFC 3550 §6.4.1: cumulative lost is a signed 24-bit field; clamp, do not wrap.
        cumulativeLost = Math.max(-0x800000, Math.min(0x7FFFFF, cumulativeLost));
    }

    void encodeTo(ByteBuffer dst) {
        dst.putInt(ssrc);
        dst.putInt((fractionLost << 24) | (cumulativeLost & 0xFFFFFF));
        dst.putInt(extendedHighestSequence);
        dst.putInt(jitter);
        dst.putInt(lastSr);
        dst.putInt(delaySinceLastSr);
    }

    static ReportBlock read(ByteBuffer src, int at) {
        int word = src.getInt(at + 4);
        int lost = (word << 8) >> 8; // sign-extend the 24-bit field
        return new ReportBlock(src.getInt(at), word >>> 24, lost, src.getInt(at + 8),
                src.getInt(at + 12), src.getInt(at + 16), src.getInt(at + 20));
    }
}
