package dev.parley.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpParserTest {

    private static List<RtcpPacket> roundTrip(List<RtcpPacket> packets) {
        ByteBuffer b = ByteBuffer.allocate(1500);
        int n = RtcpParser.encodeCompound(packets, b);
        return RtcpParser.parseCompound(b, 0, n);
    }

    @Test
    void compound_srSdesByeUnknown_roundTrip() {
        ReportBlock block = new ReportBlock(0x1234, 25, -3, 0x10005, 77, 0xAABBCCDD, 65536);
        List<RtcpPacket> in = List.of(
                new SenderReport(1, 0x0102030405060708L, 160, 10, 1600, List.of(block)),
                SourceDescription.cname(1, "alice@example.test"),
                new UnknownRtcpPacket(204, 1, HexFormat.of().parseHex("81cc000200000001414243ff")),
                new Bye(List.of(1), "done"));
        List<RtcpPacket> out = roundTrip(in);
        assertEquals(in, out);
        assertEquals(-3, ((SenderReport) out.get(0)).reports().get(0).cumulativeLost());
        assertEquals("alice@example.test", ((SourceDescription) out.get(1)).cnameOf(1));
    }

    @Test
    void receiverReport_wireBytes() {
        ByteBuffer b = ByteBuffer.allocate(64);
        new ReceiverReport(0x01020304, List.of()).encodeTo(b);
        assertEquals("80c9000101020304",
                HexFormat.of().formatHex(b.array(), 0, 8));
    }

    @Test
    void appendixA2_rejectsBadCompounds() {
        assertReason("80c8000100000001", RtpParseException.Reason.BAD_CONTENT); // SR too short
        assertReason("81ca000100000001", RtpParseException.Reason.FIRST_NOT_REPORT); // SDES first
        assertReason("40c9000100000001", RtpParseException.Reason.BAD_VERSION);
        assertReason("80c9000200000001", RtpParseException.Reason.BAD_LENGTH); // length too big
        assertReason("a0c9000100000001 80cb000000", RtpParseException.Reason.PADDING_NOT_LAST);
        assertReason("a0c9000100000000", RtpParseException.Reason.BAD_PADDING); // pad count 0
        assertReason("80c9000100000001 80cb", RtpParseException.Reason.BAD_LENGTH); // trailing bytes
    }

    @Test
    void paddingOnLastPacket_isStripped() {
        List<RtcpPacket> out = RtcpParser.parseCompound(
                ByteBuffer.wrap(HexFormat.of().parseHex("80c9000100000001a0cc000200000005 00000004".replace(" ", ""))), 0, 20);
        UnknownRtcpPacket u = (UnknownRtcpPacket) out.get(1);
        assertEquals(8, u.bytes().length);
        assertEquals("80cc000100000005", HexFormat.of().formatHex(u.bytes()));
    }

    private static void assertReason(String hex, RtpParseException.Reason reason) {
        byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));
        RtpParseException e = assertThrows(RtpParseException.class,
                () -> RtcpParser.parseCompound(ByteBuffer.wrap(bytes), 0, bytes.length));
        assertEquals(reason, e.reason());
    }
}
