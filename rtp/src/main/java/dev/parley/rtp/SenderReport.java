package dev.parley.rtp;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * RTCP sender report, PT 200 (RFC 3550 §6.4.1): the sender's NTP and RTP clocks, its packet and
 * octet counts, and up to 31 reception report blocks. Profile-specific extensions are not kept.
 *
 * @param ntpTimestamp 64-bit NTP time (seconds since 1900 in the high word, fraction in the low)
 */
public record SenderReport(int ssrc, long ntpTimestamp, int rtpTimestamp, int packetCount,
        int octetCount, List<ReportBlock> reports) implements RtcpPacket {

    public SenderReport {
        reports = List.copyOf(reports);
        // RFC 3550 §6.4.1: the 5-bit RC field holds at most 31 blocks.
        if (reports.size() > 31) {
            throw new IllegalArgumentException("more than 31 report blocks");
        }
    }

    @Override
    public int packetType() {
        return SR;
    }

    @Override
    public int encodedLength() {
        return 28 + ReportBlock.LENGTH * reports.size();
    }

    @Override
    public void encodeTo(ByteBuffer dst) {
        RtcpPacket.putHeader(dst, reports.size(), SR, encodedLength());
        dst.putInt(ssrc);
        dst.putLong(ntpTimestamp);
        dst.putInt(rtpTimestamp);
        dst.putInt(packetCount);
        dst.putInt(octetCount);
        for (ReportBlock block : reports) {
            block.encodeTo(dst);
        }
    }
}
