package dev.parley.rtp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RTCP source description, PT 202 (RFC 3550 §6.5): chunks of (SSRC, items). Parley writes CNAME
 * (§6.5.1) and keeps every item type it reads as raw text.
 */
public record SourceDescription(List<Chunk> chunks) implements RtcpPacket {

    /** RFC 3550 §6.5.1: the canonical end-point identifier item. */
    public static final int CNAME = 1;

    /** One SDES item: type 1–255 and up to 255 bytes of UTF-8 text. */
    public record Item(int type, String text) {
        public Item {
            if (type < 1 || type > 255 || text.getBytes(StandardCharsets.UTF_8).length > 255) {
                throw new IllegalArgumentException("SDES item type " + type);
            }
        }
    }

    /** The items describing one source. */
    public record Chunk(int ssrc, List<Item> items) {
        public Chunk {
            items = List.copyOf(items);
        }

        int encodedLength() {
            int n = 4;
            for (Item item : items) {
                n += 2 + item.text().getBytes(StandardCharsets.UTF_8).length;
            }
            // RFC 3550 §6.5: a null item ends the list, then pad to a 32-bit boundary.
            return (n + 1 + 3) & ~3;
        }
    }

    public SourceDescription {
        chunks = List.copyOf(chunks);
        if (chunks.size() > 31) {
            throw new IllegalArgumentException("more than 31 SDES chunks");
        }
    }

    /** A one-chunk SDES carrying only the CNAME of {@code ssrc}. */
    public static SourceDescription cname(int ssrc, String cname) {
        return new SourceDescription(List.of(new Chunk(ssrc, List.of(new Item(CNAME, cname)))));
    }

    /** The CNAME of {@code ssrc}, or {@code null}. */
    public String cnameOf(int ssrc) {
        for (Chunk chunk : chunks) {
            if (chunk.ssrc() == ssrc) {
                for (Item item : chunk.items()) {
                    if (item.type() == CNAME) {
                        return item.text();
                    }
                }
            }
        }
        return null;
    }

    @Override
    public int packetType() {
        return SDES;
    }

    @Override
    public int encodedLength() {
        int n = 4;
        for (Chunk chunk : chunks) {
            n += chunk.encodedLength();
        }
        return n;
    }

    @Override
    public void encodeTo(ByteBuffer dst) {
        RtcpPacket.putHeader(dst, chunks.size(), SDES, encodedLength());
        for (Chunk chunk : chunks) {
            int start = dst.position();
            dst.putInt(chunk.ssrc());
            for (Item item : chunk.items()) {
                byte[] text = item.text().getBytes(StandardCharsets.UTF_8);
                dst.put((byte) item.type());
                dst.put((byte) text.length);
                dst.put(text);
            }
            int end = start + chunk.encodedLength();
            while (dst.position() < end) {
                dst.put((byte) 0);
            }
        }
    }
}
