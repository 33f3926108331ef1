package dev.parley.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

    private static ByteBuffer hex(String h) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(h.replace(" ", "")));
    }

    @Test
    void fixedHeader_fieldsReadInPlace() {
        ByteBuffer b = hex("80 e0 1234 0000abcd 11223344 aabbcc");
        RtpPacket p = new RtpPacket();
        assertNull(p.check(b));
        assertTrue(p.marker());
        assertEquals(96, p.payloadType());
        assertEquals(0x1234, p.sequenceNumber());
        assertEquals(0xabcd, p.timestamp());
        assertEquals(0x11223344, p.ssrc());
        assertEquals(12, p.payloadOffset());
        assertEquals(3, p.payloadLength());
        assertEquals(0, p.csrcCount());
    }

    @Test
    void paddingAndCsrcs_excludedFromPayload() {
        ByteBuffer b = hex("a2 00 0001 00000001 00000002 0000000a 0000000b 5566 0000 03");
        // two CSRCs, payload 55 66, padding "00 00 03" (count 3)
        RtpPacket p = new RtpPacket();
        assertNull(p.check(b));
        assertEquals(2, p.csrcCount());
        assertEquals(0x0b, p.csrc(1));
        assertEquals(20, p.payloadOffset());
        assertEquals(2, p.payloadLength());
        assertEquals(3, p.paddingLength());
    }

    @Test
    void validation_rejectsPerAppendixA1() {
        RtpPacket p = new RtpPacket();
        assertEquals(RtpParseException.Reason.TRUNCATED, p.check(hex("80 00 0001 00000001 000000")));
        assertEquals(RtpParseException.Reason.BAD_VERSION, p.check(hex("40 00 0001 00000001 00000002")));
        assertEquals(RtpParseException.Reason.RTCP_PAYLOAD_TYPE, p.check(hex("80 48 0001 00000001 00000002")));
        assertEquals(RtpParseException.Reason.HEADER_OVERRUN, p.check(hex("81 00 0001 00000001 00000002")));
        assertEquals(RtpParseException.Reason.BAD_PADDING, p.check(hex("a0 00 0001 00000001 00000002 00")));
        assertEquals(RtpParseException.Reason.BAD_PADDING, p.check(hex("a0 00 0001 00000001 00000002 05")));
        assertEquals(RtpParseException.Reason.HEADER_OVERRUN, p.check(hex("90 00 0001 00000001 00000002 bede 0002 00000000")));
        assertEquals(RtpParseException.Reason.BAD_EXTENSION_ELEMENT,
                p.check(hex("90 00 0001 00000001 00000002 bede 0001 13aabbcc")));
        RtpParseException e = assertThrows(RtpParseException.class,
                () -> p.wrap(hex("a0 00 0001 00000001 00000002 05"), 0, 13));
        assertEquals(12, e.offset());
    }

    @Test
    void oneByteExtension_elementsVisitedAndPaddingSkipped() {
        // RFC 8285 §4.2 example shape: id 1 len 1, id 2 len 2, padding, then payload
        ByteBuffer b = hex("90 00 0001 00000001 00000002 bede 0002 10aa 21bbcc 00 00 00 ff");
        RtpPacket p = new RtpPacket();
        assertNull(p.check(b));
        assertEquals(RtpPacket.ONE_BYTE_PROFILE, p.extensionProfile());
        List<String> seen = new ArrayList<>();
        p.forEachExtension((id, buf, off, len) -> seen.add(id + ":" + len + ":" + (buf.get(off) & 0xff)));
        assertEquals(List.of("1:1:170", "2:2:187"), seen);
        long at = p.findExtension(2);
        assertEquals(2, (int) at);
        assertEquals(1, p.payloadLength());
        assertEquals(-1, p.findExtension(9));
    }

    @Test
    void writer_roundTripsOneByteForm() {
        RtpPacketWriter w = new RtpPacketWriter().payloadType(0).marker(true).sequenceNumber(65535)
                .timestamp(-5).ssrc(0xCAFEBABE).csrcs(new int[] {7}, 1)
                .addExtension(3, new byte[] {1, 2, 3}, 0, 3);
        ByteBuffer dst = ByteBuffer.allocate(200);
        byte[] payload = {9, 8, 7, 6};
        int n = w.write(dst, payload, 0, 4);
        assertEquals(12 + 4 + 4 + 4 + 4, n);
        assertEquals(n - 4, w.headerLength());
        RtpPacket p = new RtpPacket().wrap(dst, 0, n);
        assertTrue(p.marker());
        assertEquals(65535, p.sequenceNumber());
        assertEquals(-5, p.timestamp());
        assertEquals(0xCAFEBABE, p.ssrc());
        assertEquals(7, p.csrc(0));
        assertEquals(RtpPacket.ONE_BYTE_PROFILE, p.extensionProfile());
        long at = p.findExtension(3);
        assertEquals(3, (int) at);
        byte[] got = new byte[4];
        dst.get(p.payloadOffset(), got);
        assertArrayEquals(payload, got);
    }

    @Test
    void writer_switchesToTwoByteFormForLargeIdOrEmptyElement() {
        RtpPacketWriter w = new RtpPacketWriter().payloadType(8)
                .addExtension(1, new byte[0], 0, 0)
                .addExtension(200, new byte[20], 0, 20);
        ByteBuffer dst = ByteBuffer.allocate(200);
        int n = w.write(dst, new byte[0], 0, 0);
        RtpPacket p = new RtpPacket().wrap(dst, 0, n);
        assertEquals(RtpPacket.TWO_BYTE_PROFILE, p.extensionProfile());
        assertEquals(0, (int) p.findExtension(1));
        assertEquals(20, (int) p.findExtension(200));
        assertFalse(p.padding());
    }
}
