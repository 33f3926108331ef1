package dev.parley.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties over random packets: what the writer produces validates, reads back field for field,
 * and re-writing the read fields reproduces the same bytes.
 */
class RtpRoundTripProperties {

    private static final int CASES = 20_000;

    @Test
    void writeThenRead_returnsEveryField_andRewritesToTheSameBytes() {
        SplittableRandom rnd = new SplittableRandom(8285);
        ByteBuffer first = ByteBuffer.allocate(4096);
        ByteBuffer second = ByteBuffer.allocate(4096);
        RtpPacket view = new RtpPacket();
        for (int c = 0; c < CASES; c++) {
            int[] csrcs = new int[rnd.nextInt(16)];
            for (int i = 0; i < csrcs.length; i++) {
                csrcs[i] = rnd.nextInt();
            }
            boolean oneByte = rnd.nextBoolean();
            List<int[]> ext = new ArrayList<>();
            List<byte[]> extData = new ArrayList<>();
            RtpPacketWriter w = new RtpPacketWriter().payloadType(rnd.nextInt(72)).marker(rnd.nextBoolean())
                    .sequenceNumber(rnd.nextInt(65536)).timestamp(rnd.nextInt()).ssrc(rnd.nextInt())
                    .csrcs(csrcs, csrcs.length);
            int elements = rnd.nextInt(5);
            for (int e = 0; e < elements; e++) {
                int id = oneByte ? 1 + rnd.nextInt(14) : 1 + rnd.nextInt(255);
                int len = oneByte ? 1 + rnd.nextInt(16) : rnd.nextInt(40);
                byte[] data = new byte[len];
                rnd.nextBytes(data);
                w.addExtension(id, data, 0, len);
                ext.add(new int[] {id, len});
                extData.add(data);
            }
            byte[] payload = new byte[rnd.nextInt(400)];
            rnd.nextBytes(payload);
            first.clear();
            int n = w.write(first, payload, 0, payload.length);

            assertNull(view.check(first, 0, n), "case " + c);
            assertEquals(csrcs.length, view.csrcCount());
            for (int i = 0; i < csrcs.length; i++) {
                assertEquals(csrcs[i], view.csrc(i));
            }
            List<int[]> seen = new ArrayList<>();
            List<byte[]> seenData = new ArrayList<>();
            view.forEachExtension((id, buf, off, len) -> {
                seen.add(new int[] {id, len});
                byte[] d = new byte[len];
                buf.get(off, d);
                seenData.add(d);
            });
            assertEquals(ext.size(), seen.size());
            for (int i = 0; i < ext.size(); i++) {
                assertArrayEquals(ext.get(i), seen.get(i));
                assertArrayEquals(extData.get(i), seenData.get(i));
            }
            byte[] got = new byte[view.payloadLength()];
            first.get(view.payloadOffset(), got);
            assertArrayEquals(payload, got);

            RtpPacketWriter again = new RtpPacketWriter().payloadType(view.payloadType()).marker(view.marker())
                    .sequenceNumber(view.sequenceNumber()).timestamp(view.timestamp()).ssrc(view.ssrc());
            int[] readCsrcs = new int[view.csrcCount()];
            for (int i = 0; i < readCsrcs.length; i++) {
                readCsrcs[i] = view.csrc(i);
            }
            again.csrcs(readCsrcs, readCsrcs.length);
            view.forEachExtension((id, buf, off, len) -> {
                byte[] d = new byte[len];
                buf.get(off, d);
                again.addExtension(id, d, 0, len);
            });
            second.clear();
            int m = again.write(second, got, 0, got.length);
            assertEquals(first.slice(0, n), second.slice(0, m), "case " + c);
        }
    }
}
