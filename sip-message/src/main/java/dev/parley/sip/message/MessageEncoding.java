package dev.parley.sip.message;

import dev.parley.sip.message.internal.ByteSink;
import dev.parley.sip.message.internal.WireWriter;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Writing a message back to the wire (RFC 3261 §7): the length is counted in a first pass with
 * the same writer, so every target — a new array, a caller's array, a ByteBuffer — is filled
 * without an intermediate copy.
 */
final class MessageEncoding {

    private MessageEncoding() {
    }

    static byte[] toBytes(SipMessage m, HeaderForm form) {
        ByteSink count = ByteSink.counter();
        write(m, count, form);
        ByteSink sink = new ByteSink(new byte[count.length()]);
        write(m, sink, form);
        return sink.array();
    }

    static int encodedLength(SipMessage m, HeaderForm form) {
        ByteSink count = ByteSink.counter();
        write(m, count, form);
        return count.length();
    }

    static int encodeTo(SipMessage m, byte[] dst, int offset, HeaderForm form) {
        int length = encodedLength(m, form);
        Objects.checkFromIndexSize(offset, length, dst.length);
        write(m, new ByteSink(dst, offset), form);
        return length;
    }

    static void writeTo(SipMessage m, ByteBuffer dst, HeaderForm form) {
        if (dst.hasArray() && !dst.isReadOnly()) {
            int length = encodedLength(m, form);
            if (dst.remaining() < length) {
                throw new BufferOverflowException();
            }
            write(m, new ByteSink(dst.array(), dst.arrayOffset() + dst.position()), form);
            dst.position(dst.position() + length);
        } else {
            dst.put(toBytes(m, form));
        }
    }

    private static void write(SipMessage m, ByteSink out, HeaderForm form) {
        m.writeStartLine(out);
        out.crlf();
        WireWriter.writeHeadersAndBody(m.w, out, form == HeaderForm.COMPACT);
    }
}
