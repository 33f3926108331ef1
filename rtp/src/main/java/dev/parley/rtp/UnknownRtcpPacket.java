package dev.parley.rtp;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An RTCP packet of a type Parley does not interpret (APP, feedback, XR…), kept byte-exact so it
 * can be passed through. RFC 3550 §6.1: receivers ignore packet types they do not know.
 *
 * @param bytes the whole packet, header included, without trailing padding
 */
public record UnknownRtcpPacket(int packetType, int count, byte[] bytes) implements RtcpPacket {

    public UnknownRtcpPacket {
        bytes = bytes.clone();
        if (bytes.length < 4 || bytes.length % 4 != 0) {
            throw new IllegalArgumentException("RTCP packet length " + bytes.length);
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public int encodedLength() {
        return bytes.length;
    }

    @Override
    public void encodeTo(ByteBuffer dst) {
        dst.put(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownRtcpPacket u && u.packetType == packetType && u.count == count
                && Arrays.equals(u.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return packetType * 31 + Arrays.hashCode(bytes);
    }
}
