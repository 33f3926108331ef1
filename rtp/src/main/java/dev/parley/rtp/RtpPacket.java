package dev.parley.rtp;

import java.nio.ByteBuffer;

/**
 * A reusable, zero-copy view of one RTP packet inside a {@link ByteBuffer}: the fields are read in
 * place and the payload is an offset and a length into the same buffer. One instance serves every
 * packet a receive loop sees; {@link #check} re-points it without allocating.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           timestamp                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           synchronization source (SSRC) identifier            |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |            contributing source (CSRC) identifiers             |
 * |                             ....                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      defined by profile       |           length              |  (if X)
 * |                        header extension                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * (RFC 3550 §5.1, §5.3.1.) Not thread-safe; the buffer must not change while the view is used.
 */
public final class RtpPacket {

    /** RFC 3550 §5.1: the fixed header is 12 octets. */
    public static final int FIXED_HEADER_LENGTH = 12;
    /** RFC 8285 §4.2: "defined by profile" value of the one-byte header form. */
    public static final int ONE_BYTE_PROFILE = 0xBEDE;
    /** RFC 8285 §4.3: the two-byte form's profile value, low 4 bits are "appbits". */
    public static final int TWO_BYTE_PROFILE = 0x1000;

    /** Receives the elements of an RFC 8285 header extension, without allocation. */
    @FunctionalInterface
    public interface ExtensionVisitor {
        /** One element: its id and where its data lies in {@code buffer} (absolute index). */
        void element(int id, ByteBuffer buffer, int offset, int length);
    }

    private ByteBuffer buf;
    private int start;
    private int length;
    private int headerLength;
    private int paddingLength;
    private int extensionOffset = -1;
    private int extensionLength;
    private int errorOffset;
    private int wantedId = -1;
    private long found = -1;

    /**
     * Points this view at {@code length} bytes of {@code buffer} from absolute index {@code offset}
     * and validates them (RFC 3550 §A.1 header checks, RFC 8285 element bounds).
     *
     * @return {@code null} if the packet is valid, else why it is not (the view is then unusable)
     */
    public RtpParseException.Reason check(ByteBuffer buffer, int offset, int length) {
        this.buf = buffer;
        this.start = offset;
        this.length = length;
        this.extensionOffset = -1;
        this.extensionLength = 0;
        this.paddingLength = 0;
        if (length < FIXED_HEADER_LENGTH) {
            return fail(0, RtpParseException.Reason.TRUNCATED);
        }
        int b0 = buffer.get(offset) & 0xFF;
        // RFC 3550 §A.1: RTP version field must equal 2.
        if ((b0 >>> 6) != 2) {
            return fail(0, RtpParseException.Reason.BAD_VERSION);
        }
        // RFC 3550 §A.1: the payload type must not be SR or RR (RFC 5761 §4: 72–76 are reserved).
        int pt = buffer.get(offset + 1) & 0x7F;
        if (pt >= 72 && pt <= 76) {
            return fail(1, RtpParseException.Reason.RTCP_PAYLOAD_TYPE);
        }
        // RFC 3550 §A.1: the CSRC list must fit in the packet.
        int header = FIXED_HEADER_LENGTH + 4 * (b0 & 0x0F);
        if (header > length) {
            return fail(FIXED_HEADER_LENGTH, RtpParseException.Reason.HEADER_OVERRUN);
        }
        if ((b0 & 0x10) != 0) {
            // RFC 3550 §5.3.1 / §A.1: the header extension's length must fit in the packet.
            if (header + 4 > length) {
                return fail(header, RtpParseException.Reason.HEADER_OVERRUN);
            }
            int words = buffer.getShort(offset + header + 2) & 0xFFFF;
            extensionOffset = header;
            extensionLength = 4 * words;
            header += 4 + extensionLength;
            if (header > length) {
                return fail(extensionOffset, RtpParseException.Reason.HEADER_OVERRUN);
            }
            if (!visitExtensions(null)) {
                return RtpParseException.Reason.BAD_EXTENSION_ELEMENT;
            }
        }
        headerLength = header;
        if ((b0 & 0x20) != 0) {
            // RFC 3550 §5.1 / §A.1: last octet counts padding, itself included; it must fit.
            int pad = buffer.get(offset + length - 1) & 0xFF;
            if (pad == 0 || pad > length - header) {
                return fail(length - 1, RtpParseException.Reason.BAD_PADDING);
            }
            paddingLength = pad;
        }
        return null;
    }

    /** {@link #check} the buffer's remaining bytes. */
    public RtpParseException.Reason check(ByteBuffer buffer) {
        return check(buffer, buffer.position(), buffer.remaining());
    }

    /** Like {@link #check} but throws {@link RtpParseException} for an invalid packet. */
    public RtpPacket wrap(ByteBuffer buffer, int offset, int length) {
        RtpParseException.Reason reason = check(buffer, offset, length);
        if (reason != null) {
            throw new RtpParseException(reason, errorOffset);
        }
        return this;
    }

    private RtpParseException.Reason fail(int at, RtpParseException.Reason reason) {
        errorOffset = at;
        return reason;
    }

    public ByteBuffer buffer() {
        return buf;
    }

    public boolean padding() {
        return (buf.get(start) & 0x20) != 0;
    }

    public boolean marker() {
        return (buf.get(start + 1) & 0x80) != 0;
    }

    public int payloadType() {
        return buf.get(start + 1) & 0x7F;
    }

    public int sequenceNumber() {
        return buf.getShort(start + 2) & 0xFFFF;
    }

    /** The 32-bit timestamp as an int (compare with wrap-aware subtraction). */
    public int timestamp() {
        return buf.getInt(start + 4);
    }

    public int ssrc() {
        return buf.getInt(start + 8);
    }

    public int csrcCount() {
        return buf.get(start) & 0x0F;
    }

    public int csrc(int index) {
        if (index < 0 || index >= csrcCount()) {
            throw new IndexOutOfBoundsException(index);
        }
        return buf.getInt(start + FIXED_HEADER_LENGTH + 4 * index);
    }

    public boolean hasExtension() {
        return extensionOffset >= 0;
    }

    /** The 16-bit "defined by profile" field of the header extension, or -1 without one. */
    public int extensionProfile() {
        return extensionOffset < 0 ? -1 : buf.getShort(start + extensionOffset) & 0xFFFF;
    }

    /** Header length: fixed header, CSRCs and extension. */
    public int headerLength() {
        return headerLength;
    }

    /** Absolute index of the first payload byte in {@link #buffer()}. */
    public int payloadOffset() {
        return start + headerLength;
    }

    /** Payload length, padding excluded. */
    public int payloadLength() {
        return length - headerLength - paddingLength;
    }

    public int paddingLength() {
        return paddingLength;
    }

    /** Whole packet length in bytes. */
    public int length() {
        return length;
    }

    /**
     * Calls {@code visitor} for each RFC 8285 element of a one- or two-byte header extension
     * (padding skipped). Does nothing for other extension profiles.
     */
    public void forEachExtension(ExtensionVisitor visitor) {
        if (extensionOffset >= 0) {
            visitExtensions(visitor);
        }
    }

    /**
     * The data of extension element {@code id}: {@code (absoluteOffset << 32) | length}, or -1 if
     * absent. Does not allocate.
     */
    public long findExtension(int id) {
        wantedId = id;
        found = -1;
        if (extensionOffset >= 0) {
            visitExtensions(null);
        }
        wantedId = -1;
        return found;
    }

    private void element(ExtensionVisitor visitor, int id, int offset, int len) {
        if (visitor != null) {
            visitor.element(id, buf, offset, len);
        } else if (id == wantedId && found < 0) {
            found = ((long) offset << 32) | len;
        }
    }

    private boolean visitExtensions(ExtensionVisitor visitor) {
        int profile = buf.getShort(start + extensionOffset) & 0xFFFF;
        int p = start + extensionOffset + 4;
        int end = p + extensionLength;
        if (profile == ONE_BYTE_PROFILE) {
            while (p < end) {
                int b = buf.get(p) & 0xFF;
                int id = b >>> 4;
                if (b == 0) { // RFC 8285 §4.2: a zero byte is padding
                    p++;
                    continue;
                }
                if (id == 15) { // RFC 8285 §4.2: id 15 means stop processing the extension
                    return true;
                }
                int len = (b & 0x0F) + 1; // RFC 8285 §4.2: the 4-bit length is length minus one
                if (p + 1 + len > end) {
                    errorOffset = p - start;
                    return false;
                }
                if (id != 0) {
                    element(visitor, id, p + 1, len);
                }
                p += 1 + len;
            }
        } else if ((profile & 0xFFF0) == TWO_BYTE_PROFILE) {
            while (p < end) {
                int id = buf.get(p) & 0xFF;
                if (id == 0) { // RFC 8285 §4.3: a zero byte is padding
                    p++;
                    continue;
                }
                if (p + 2 > end) {
                    errorOffset = p - start;
                    return false;
                }
                int len = buf.get(p + 1) & 0xFF;
                if (p + 2 + len > end) {
                    errorOffset = p - start;
                    return false;
                }
                element(visitor, id, p + 2, len);
                p += 2 + len;
            }
        }
        return true;
    }
}
