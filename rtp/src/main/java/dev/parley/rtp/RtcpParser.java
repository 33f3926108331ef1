package dev.parley.rtp;

import dev.parley.rtp.RtpParseException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a compound RTCP packet (RFC 3550 §6.1) and applies the validity checks of §A.2. Unknown
 * packet types come back as {@link UnknownRtcpPacket}. Throws only {@link RtpParseException}.
 */
public final class RtcpParser {

    /** RFC 3550 §6.1: at most this many packets are read from one compound packet. */
    public static final int MAX_PACKETS = 32;

    private RtcpParser() {
    }

    /** Parses {@code length} bytes of {@code src} from absolute index {@code offset}. */
    public static List<RtcpPacket> parseCompound(ByteBuffer src, int offset, int length) {
        if (length < 4) {
            throw new RtpParseException(Reason.TRUNCATED, 0);
        }
        // RFC 3550 §A.2: the first packet must be SR or RR.
        int firstType = src.get(offset + 1) & 0xFF;
        if (firstType != RtcpPacket.SR && firstType != RtcpPacket.RR) {
            throw new RtpParseException(Reason.FIRST_NOT_REPORT, 1);
        }
        List<RtcpPacket> packets = new ArrayList<>(4);
        int p = 0;
        while (p < length) {
            if (length - p < 4) {
                throw new RtpParseException(Reason.BAD_LENGTH, p);
            }
            int b0 = src.get(offset + p) & 0xFF;
            // RFC 3550 §A.2: every packet of the compound is version 2.
            if ((b0 >>> 6) != 2) {
                throw new RtpParseException(Reason.BAD_VERSION, p);
            }
            int bytes = 4 * ((src.getShort(offset + p + 2) & 0xFFFF) + 1);
            // RFC 3550 §A.2: the lengths must add up to the compound packet's length.
            if (p + bytes > length) {
                throw new RtpParseException(Reason.BAD_LENGTH, p + 2);
            }
            int body = bytes;
            if ((b0 & 0x20) != 0) {
                // RFC 3550 §A.2: only the last packet of a compound may be padded.
                if (p + bytes != length) {
                    throw new RtpParseException(Reason.PADDING_NOT_LAST, p);
                }
                int pad = src.get(offset + length - 1) & 0xFF;
                if (pad == 0 || pad > bytes - 4 || pad % 4 != 0) {
                    throw new RtpParseException(Reason.BAD_PADDING, length - 1);
                }
                body = bytes - pad;
            }
            if (packets.size() == MAX_PACKETS) {
                throw new RtpParseException(Reason.BAD_LENGTH, p);
            }
            packets.add(parseOne(src, offset + p, body, b0 & 0x1F, p));
            p += bytes;
        }
        return packets;
    }

    private static RtcpPacket parseOne(ByteBuffer src, int at, int len, int count, int rel) {
        int type = src.get(at + 1) & 0xFF;
        switch (type) {
            case RtcpPacket.SR: {
                need(len >= 28 + ReportBlock.LENGTH * count, rel);
                return new SenderReport(src.getInt(at + 4), src.getLong(at + 8), src.getInt(at + 16),
                        src.getInt(at + 20), src.getInt(at + 24), blocks(src, at + 28, count));
            }
            case RtcpPacket.RR: {
                need(len >= 8 + ReportBlock.LENGTH * count, rel);
                return new ReceiverReport(src.getInt(at + 4), blocks(src, at + 8, count));
            }
            case RtcpPacket.SDES:
                return parseSdes(src, at, len, count, rel);
            case RtcpPacket.BYE: {
                need(len >= 4 + 4 * count, rel);
                List<Integer> ssrcs = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    ssrcs.add(src.getInt(at + 4 + 4 * i));
                }
                String reason = null;
                int r = 4 + 4 * count;
                if (r < len) {
                    int n = src.get(at + r) & 0xFF;
                    need(r + 1 + n <= len, rel + r);
                    reason = text(src, at + r + 1, n);
                }
                return new Bye(ssrcs, reason);
            }
            default: {
                byte[] raw = new byte[(len + 3) & ~3];
                src.get(at, raw, 0, len);
                raw[0] &= (byte) 0xDF; // padding stripped: clear P and fix the length field
                raw[2] = (byte) ((raw.length / 4 - 1) >>> 8);
                raw[3] = (byte) (raw.length / 4 - 1);
                return new UnknownRtcpPacket(type, count, raw);
            }
        }
    }

    private static SourceDescription parseSdes(ByteBuffer src, int at, int len, int count, int rel) {
        List<SourceDescription.Chunk> chunks = new ArrayList<>(count);
        int p = 4;
        for (int c = 0; c < count; c++) {
            need(p + 4 <= len, rel + p);
            int ssrc = src.getInt(at + p);
            p += 4;
            List<SourceDescription.Item> items = new ArrayList<>(2);
            while (true) {
                need(p < len, rel + p);
                int itemType = src.get(at + p) & 0xFF;
                if (itemType == 0) { // RFC 3550 §6.5: a null item ends the chunk; pad to a word
                    p = (p + 1 + 3) & ~3;
                    break;
                }
                need(p + 2 <= len, rel + p);
                int n = src.get(at + p + 1) & 0xFF;
                need(p + 2 + n <= len, rel + p);
                if (items.size() < 16) {
                    items.add(new SourceDescription.Item(itemType, text(src, at + p + 2, n)));
                }
                p += 2 + n;
            }
            chunks.add(new SourceDescription.Chunk(ssrc, items));
        }
        need(p <= len, rel + p);
        return new SourceDescription(chunks);
    }

    private static List<ReportBlock> blocks(ByteBuffer src, int at, int count) {
        List<ReportBlock> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(ReportBlock.read(src, at + ReportBlock.LENGTH * i));
        }
        return list;
    }

    private static String text(ByteBuffer src, int at, int n) {
        byte[] b = new byte[n];
        src.get(at, b, 0, n);
        String s = new String(b, StandardCharsets.UTF_8);
        // Lenient: malformed UTF-8 decodes to U+FFFD, which may re-encode longer than 255 bytes.
        while (s.getBytes(StandardCharsets.UTF_8).length > 255) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static void need(boolean ok, int offset) {
        if (!ok) {
            throw new RtpParseException(Reason.BAD_CONTENT, offset);
        }
    }

    /** Writes {@code packets} back to back as one compound packet at the buffer's position. */
    public static int encodeCompound(List<? extends RtcpPacket> packets, ByteBuffer dst) {
        int start = dst.position();
        for (RtcpPacket packet : packets) {
            packet.encodeTo(dst);
        }
        return dst.position() - start;
    }
}
