package dev.parley.rtp;

import java.nio.ByteBuffer;

/**
 * One RTCP packet of a compound packet (RFC 3550 §6.1). Every type encodes itself into a caller
 * buffer; {@link RtcpParser} reads compound packets back.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|    RC   |      PT       |             length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * RFC 3550 §6.4.1: length is the packet length in 32-bit words minus one, header included.
 */
public sealed interface RtcpPacket
        permits SenderReport, ReceiverReport, SourceDescription, Bye, UnknownRtcpPacket {

    int SR = 200;
    int RR = 201;
    int SDES = 202;
    int BYE = 203;

    /** The packet type field. */
    int packetType();

    /** Bytes {@link #encodeTo} writes (a multiple of 4). */
    int encodedLength();

    /** Writes the packet at the buffer's position, advancing it. */
    void encodeTo(ByteBuffer dst);

    /** Writes the common header for a packet of {@code length} bytes. */
    static void putHeader(ByteBuffer dst, int count, int packetType, int length) {
        dst.put((byte) (0x80 | count));
        dst.put((byte) packetType);
        dst.putShort((short) (length / 4 - 1));
    }
}
