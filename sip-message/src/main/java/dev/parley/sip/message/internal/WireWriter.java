package dev.parley.sip.message.internal;

/**
 * Writes the header section and body of a framed message (RFC 3261 §7): each field as
 * {@code Name: value} with its value bytes unchanged (folds become one space), known names in
 * long or compact form, unknown names as received, and a Content-Length equal to the body size.
 */
public final class WireWriter {

    private static final byte[] COLON_SP = {':', ' '};

    private WireWriter() {
    }

    public static void writeHeadersAndBody(WireMessage w, ByteSink out, boolean compact) {
        boolean lengthWritten = false;
        byte[] b = w.buf;
        int bodyLength = w.bodyEnd - w.bodyStart;
        for (int i = 0; i < w.count; i++) {
            int id = w.id(i);
            if (id == HeaderTable.UNKNOWN) {
                out.write(b, w.nameStart(i), w.nameEnd(i));
            } else if (compact && HeaderTable.compactName(id) != null) {
                out.ascii(HeaderTable.compactName(id));
            } else {
                out.write(HeaderTable.longNameBytes(id));
            }
            if (id == HeaderTable.CONTENT_LENGTH) {
                out.write(COLON_SP);
                // RFC 3261 §20.14: Content-Length is the body size in octets, whatever was received.
                out.decimal(bodyLength);
                lengthWritten = true;
            } else if (w.valueStart(i) == w.valueEnd(i)) {
                out.write((byte) ':');
            } else {
                out.write(COLON_SP);
                out.unfolded(b, w.valueStart(i), w.valueEnd(i));
            }
            out.crlf();
        }
        if (!lengthWritten) {
            out.write(HeaderTable.longNameBytes(HeaderTable.CONTENT_LENGTH));
            out.write(COLON_SP);
            out.decimal(bodyLength);
            out.crlf();
        }
        out.crlf();
        out.write(b, w.bodyStart, w.bodyEnd);
    }
}
