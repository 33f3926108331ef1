package dev.parley.rtp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** RTCP BYE, PT 203 (RFC 3550 §6.6): the sources leaving, with an optional reason. */
public record Bye(List<Integer> ssrcs, String reason) implements RtcpPacket {

    public Bye {
        ssrcs = List.copyOf(ssrcs);
        if (ssrcs.size() > 31 || (reason != null && reason.getBytes(StandardCharsets.UTF_8).length > 255)) {
            throw new IllegalArgumentException("BYE with too many sources or too long a reason");
        }
    }

    @Override
    public int packetType() {
        return BYE;
    }

    @Override
    public int encodedLength() {
        int n = 4 + 4 * ssrcs.size();
        if (reason != null) {
            n += (1 + reason.getBytes(StandardCharsets.UTF_8).length + 3) & ~3;
        }
        return n;
    }

    @Override
    public void encodeTo(ByteBuffer dst) {
        int start = dst.position();
        RtcpPacket.putHeader(dst, ssrcs.size(), BYE, encodedLength());
        for (int ssrc : ssrcs) {
            dst.putInt(ssrc);
        }
        if (reason != null) {
            byte[] text = reason.getBytes(StandardCharsets.UTF_8);
            dst.put((byte) text.length);
            dst.put(text);
            while (dst.position() - start < encodedLength()) {
                dst.put((byte) 0);
            }
        }
    }
}
