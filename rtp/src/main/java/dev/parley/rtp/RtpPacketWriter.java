package dev.parley.rtp;

import java.nio.ByteBuffer;

/**
 * Writes RTP packets into a caller's buffer (RFC 3550 §5.1), with optional CSRCs and RFC 8285
 * header extension elements. Reusable: set the fields that change, then {@link #write}. The one-byte
 * extension form is used when every element allows it (id 1–14, 1–16 bytes), the two-byte form
 * otherwise (RFC 8285 §4.1: one form per packet). Never allocates after construction.
 */
public final class RtpPacketWriter {

    /** Bytes of extension element data a writer holds (headers included). */
    public static final int MAX_EXTENSION_BYTES = 1024;

    private int payloadType;
    private boolean marker;
    private int sequenceNumber;
    private int timestamp;
    private int ssrc;
    private final int[] csrcs = new int[15];
    private int csrcCount;
    private final byte[] extData = new byte[MAX_EXTENSION_BYTES];
    private final int[] extIds = new int[64];
    private final int[] extOffsets = new int[64];
    private final int[] extLengths = new int[64];
    private int extCount;
    private int extBytes;

    public RtpPacketWriter payloadType(int pt) {
        if (pt < 0 || pt > 127) {
            throw new IllegalArgumentException("payload type " + pt);
        }
        this.payloadType = pt;
        return this;
    }

    public RtpPacketWriter marker(boolean m) {
        this.marker = m;
        return this;
    }

    public RtpPacketWriter sequenceNumber(int seq) {
        this.sequenceNumber = seq & 0xFFFF;
        return this;
    }

    public RtpPacketWriter timestamp(int ts) {
        this.timestamp = ts;
        return this;
    }

    public RtpPacketWriter ssrc(int s) {
        this.ssrc = s;
        return this;
    }

    /** RFC 3550 §5.1: at most 15 contributing sources. */
    public RtpPacketWriter csrcs(int[] list, int count) {
        if (count < 0 || count > 15) {
            throw new IllegalArgumentException("CSRC count " + count);
        }
        System.arraycopy(list, 0, csrcs, 0, count);
        csrcCount = count;
        return this;
    }

    /** Removes every header extension element. */
    public RtpPacketWriter clearExtensions() {
        extCount = 0;
        extBytes = 0;
        return this;
    }

    /** Adds one RFC 8285 element: id 1–255, 0–255 bytes of data. */
    public RtpPacketWriter addExtension(int id, byte[] data, int offset, int length) {
        // RFC 8285 §4.3: two-byte ids are 1–255 and lengths 0–255 (id 0 is padding).
        if (id < 1 || id > 255 || length < 0 || length > 255) {
            throw new IllegalArgumentException("extension id " + id + " length " + length);
        }
        if (extCount == extIds.length || extBytes + length > extData.length) {
            throw new IllegalStateException("too many header extension elements");
        }
        System.arraycopy(data, offset, extData, extBytes, length);
        extIds[extCount] = id;
        extOffsets[extCount] = extBytes;
        extLengths[extCount] = length;
        extCount++;
        extBytes += length;
        return this;
    }

    private boolean oneByteForm() {
        for (int i = 0; i < extCount; i++) {
            // RFC 8285 §4.2: one-byte ids are 1–14, lengths 1–16.
            if (extIds[i] > 14 || extLengths[i] == 0 || extLengths[i] > 16) {
                return false;
            }
        }
        return true;
    }

    private int extensionBlockLength(boolean oneByte) {
        if (extCount == 0) {
            return 0;
        }
        int raw = extBytes + extCount * (oneByte ? 1 : 2);
        return 4 + ((raw + 3) & ~3); // RFC 3550 §5.3.1: the extension is a whole number of words
    }

    /** Header length the next {@link #write} produces. */
    public int headerLength() {
        return RtpPacket.FIXED_HEADER_LENGTH + 4 * csrcCount + extensionBlockLength(oneByteForm());
    }

    /**
     * Writes the header and {@code payloadLength} bytes of payload at the buffer's position,
     * advancing it.
     *
     * @return bytes written
     * @throws java.nio.BufferOverflowException if the packet does not fit
     */
    public int write(ByteBuffer dst, byte[] payload, int payloadOffset, int payloadLength) {
        int start = dst.position();
        boolean oneByte = oneByteForm();
        int extBlock = extensionBlockLength(oneByte);
        dst.put((byte) (0x80 | (extBlock > 0 ? 0x10 : 0) | csrcCount));
        dst.put((byte) ((marker ? 0x80 : 0) | payloadType));
        dst.putShort((short) sequenceNumber);
        dst.putInt(timestamp);
        dst.putInt(ssrc);
        for (int i = 0; i < csrcCount; i++) {
            dst.putInt(csrcs[i]);
        }
        if (extBlock > 0) {
            int blockStart = dst.position();
            dst.putShort((short) (oneByte ? RtpPacket.ONE_BYTE_PROFILE : RtpPacket.TWO_BYTE_PROFILE));
            dst.putShort((short) ((extBlock - 4) / 4));
            for (int i = 0; i < extCount; i++) {
                if (oneByte) {
                    dst.put((byte) ((extIds[i] << 4) | (extLengths[i] - 1)));
                } else {
                    dst.put((byte) extIds[i]);
                    dst.put((byte) extLengths[i]);
                }
                dst.put(extData, extOffsets[i], extLengths[i]);
            }
            while (dst.position() - blockStart < extBlock) {
                dst.put((byte) 0); // RFC 8285 §4.2/§4.3: zero bytes pad the block
            }
        }
        dst.put(payload, payloadOffset, payloadLength);
        return dst.position() - start;
    }
}
