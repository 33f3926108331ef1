package dev.parley.sdp.internal;

import dev.parley.sdp.Bandwidth;
import dev.parley.sdp.Connection;
import dev.parley.sdp.Origin;

/** The fixed-shape session fields; each returns null when the value breaks its grammar. */
final class FieldParser {
    private FieldParser() {
    }

    /** RFC 8866 §5.2: o=username sess-id sess-version nettype addrtype unicast-address. */
    static Origin origin(byte[] b, int v, int e, Fields fields) {
        if (fields.split(b, v, e, 6) != 6) {
            return null;
        }
        long version = fields.number(b, 2, 18);
        if (version < 0) {
            return null;
        }
        Connection address = new Connection(fields.text(b, 3), fields.text(b, 4), fields.text(b, 5));
        return new Origin(fields.text(b, 0), fields.text(b, 1), version, address);
    }

    /**
     * RFC 8866 §5.7: c=nettype addrtype connection-address. Returns {@code same} itself when the
     * line names exactly that connection (usually the o= address), saving the copies.
     */
    static Connection connection(byte[] b, int v, int e, Fields fields, Connection same) {
        if (fields.split(b, v, e, 3) != 3) {
            return null;
        }
        if (same != null && Ascii.equals(b, fields.start[2], fields.end[2], same.address())
                && Ascii.equals(b, fields.start[1], fields.end[1], same.addressType())
                && Ascii.equals(b, fields.start[0], fields.end[0], same.netType())) {
            return same;
        }
        return new Connection(fields.text(b, 0), fields.text(b, 1), fields.text(b, 2));
    }

    /** RFC 8866 §5.8: b=bwtype:bandwidth. */
    static Bandwidth bandwidth(byte[] b, int v, int e) {
        int end = Ascii.trimEnd(b, v, e);
        int colon = v;
        while (colon < end && b[colon] != ':') {
            colon++;
        }
        long value = colon < end ? Ascii.number(b, colon + 1, end, 18) : -1;
        if (colon == v || value < 0) {
            return null;
        }
        return new Bandwidth(Ascii.text(b, v, colon), value);
    }
}
