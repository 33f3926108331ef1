package dev.parley.rtp;

import java.nio.ByteBuffer;
import java.util.List;

/** RTCP receiver report, PT 201 (RFC 3550 §6.4.2): the reporter's SSRC and its report blocks. */
public record ReceiverReport(int ssrc, List<ReportBlock> reports) implements RtcpPacket {

    public ReceiverReport {
        reports = List.copyOf(reports);
        // RFC 3550 §6.4.2: the 5-bit RC field holds at most 31 blocks.
        if (reports.size() > 31) {
            throw new IllegalArgumentException("more than 31 report blocks");
        }
    }

    @Override
    public int packetType() {
        return RR;
    }

    @Override
    public int encodedLength() {
        return 8 + ReportBlock.LENGTH * reports.size();
    }

    @Override
    public void encodeTo(ByteBuffer dst) {
        RtcpPacket.putHeader(dst, reports.size(), RR, encodedLength());
        dst.putInt(ssrc);
        for (ReportBlock block : reports) {
            block.encodeTo(dst);
        }
    }
}
