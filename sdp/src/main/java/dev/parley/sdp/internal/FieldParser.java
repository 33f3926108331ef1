package dev.parley.sdp.internal;

import dev.parley.sdp.Bandwidth;
import dev.parley.sdp.Connection;
import dev.parley.sdp.Origin;
import java.util.Arrays;

/** The fixed-shape session fields; each returns null when the value breaks its grammar. */
final class FieldParser {
    private FieldParser() {
    }

    /** RFC 8866 §5.2: o=username sess-id sess-version nettype addrtype unicast-address. */
    static Origin origin(byte[] b, int v, int e) {
        long user = Tokens.next(b, v, e);
        long id = Tokens.after(user, b, e);
        long version = Tokens.after(id, b, e);
        long netType = Tokens.after(version, b, e);
        long addressType = Tokens.after(netType, b, e);
        long address = Tokens.after(addressType, b, e);
        if (address == Tokens.NONE || Tokens.after(address, b, e) != Tokens.NONE) {
            return null;
        }
        long number = Tokens.number(b, version, 18);
        if (number < 0) {
            return null;
        }
        Connection c = new Connection(Tokens.text(b, netType), Tokens.text(b, addressType), Tokens.text(b, address));
        return new Origin(Tokens.text(b, user), Tokens.text(b, id), number, c);
    }

    /**
     * RFC 8866 §5.7: c=nettype addrtype connection-address. Returns {@code same} itself when the
     * line names exactly that connection, saving the copies: {@code same} is the o= address and
     * {@code b[sameStart..sameEnd)} the o= value it was read from, blanks trimmed at the end.
     */
    static Connection connection(byte[] b, int v, int e, Connection same, int sameStart, int sameEnd) {
        long netType = Tokens.next(b, v, e);
        long addressType = Tokens.after(netType, b, e);
        long address = Tokens.after(addressType, b, e);
        if (address == Tokens.NONE || Tokens.after(address, b, e) != Tokens.NONE) {
            return null;
        }
        if (same != null) {
            // Usually the c= value is written exactly as the o= line ends: one comparison of bytes.
            int s = Tokens.start(netType);
            int o = sameEnd - (Tokens.end(address) - s);
            if (o > sameStart && Ascii.isSpace(b[o - 1]) && Arrays.equals(b, s, Tokens.end(address), b, o, sameEnd)) {
                return same;
            }
            if (Ascii.equals(b, Tokens.start(address), Tokens.end(address), same.address())
                    && Ascii.equals(b, Tokens.start(addressType), Tokens.end(addressType), same.addressType())
                    && Ascii.equals(b, Tokens.start(netType), Tokens.end(netType), same.netType())) {
                return same;
            }
        }
        return new Connection(Tokens.text(b, netType), Tokens.text(b, addressType), Tokens.text(b, address));
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
