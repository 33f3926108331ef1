package dev.parley.sdp.internal;

import dev.parley.sdp.Attribute;
import dev.parley.sdp.Connection;
import dev.parley.sdp.Direction;
import dev.parley.sdp.StaticPayloadTypes;

/**
 * Turns the value of an {@code a=} line into a typed {@link Attribute}. An attribute whose
 * value does not fit its typed grammar is kept as {@link Attribute.Other}, byte for byte.
 */
final class AttributeParser {
    private static final Attribute.RtcpMux RTCP_MUX = new Attribute.RtcpMux();
    private static final Direction[] DIRECTIONS = Direction.values();
    /** Shared values for the packet times phones use, 1–150 ms. */
    private static final Attribute.Ptime[] PTIMES = new Attribute.Ptime[151];

    static {
        for (int ms = 1; ms < PTIMES.length; ms++) {
            PTIMES[ms] = new Attribute.Ptime(ms);
        }
    }

    private AttributeParser() {
    }

    /** Parses {@code b[s..e)} (the text after {@code a=}); returns null if the attribute name is empty. */
    static Attribute parse(byte[] b, int s, int e, Fields f) {
        int colon = s;
        while (colon < e && b[colon] != ':') {
            colon++;
        }
        if (colon == e) {
            // RFC 8866 §5.13: a property attribute, a=<attribute-name>.
            int nameEnd = Ascii.trimEnd(b, s, e);
            if (nameEnd == s) {
                return null;
            }
            if (nameEnd - s == 8) {
                if (Ascii.equals(b, s, nameEnd, "rtcp-mux")) {
                    return RTCP_MUX;
                }
                for (Direction d : DIRECTIONS) {
                    if (Ascii.equals(b, s, nameEnd, d.attributeName())) {
                        return d;
                    }
                }
            }
            return new Attribute.Other(Ascii.text(b, s, nameEnd), null);
        }
        if (colon == s) {
            return null;
        }
        int v = colon + 1;
        Attribute typed = typed(b, s, colon, v, e, f);
        if (typed != null) {
            return typed;
        }
        // Lenient: a value outside the typed grammar is kept as an opaque attribute, not rejected.
        return new Attribute.Other(Ascii.text(b, s, colon), Ascii.text(b, v, e));
    }

    private static Attribute typed(byte[] b, int ns, int ne, int v, int e, Fields f) {
        switch (ne - ns) {
            case 3:
                if (Ascii.equals(b, ns, ne, "mid")) {
                    return v < e ? new Attribute.Mid(Ascii.text(b, v, e)) : null;
                }
                return null;
            case 4:
                if (Ascii.equals(b, ns, ne, "fmtp")) {
                    return fmtp(b, v, e);
                }
                return Ascii.equals(b, ns, ne, "rtcp") ? rtcp(b, v, e, f) : null;
            case 5:
                if (Ascii.equals(b, ns, ne, "ptime")) {
                    long ms = Ascii.number(b, v, Ascii.trimEnd(b, v, e), 9);
                    if (ms > 0 && ms < PTIMES.length) {
                        return PTIMES[(int) ms];
                    }
                    return ms > 0 ? new Attribute.Ptime((int) ms) : null;
                }
                return Ascii.equals(b, ns, ne, "group") ? group(b, v, e, f) : null;
            case 6:
                if (Ascii.equals(b, ns, ne, "rtpmap")) {
                    return rtpmap(b, v, e, f);
                }
                return Ascii.equals(b, ns, ne, "crypto") ? crypto(b, v, e, f) : null;
            case 8:
                if (Ascii.equals(b, ns, ne, "maxptime")) {
                    long ms = Ascii.number(b, v, Ascii.trimEnd(b, v, e), 9);
                    return ms > 0 ? new Attribute.MaxPtime((int) ms) : null;
                }
                return null;
            default:
                return null;
        }
    }

    /** RFC 8866 §6.6: rtpmap:{payload type} {encoding name}/{clock rate}[/{encoding parameters}]. */
    private static Attribute rtpmap(byte[] b, int s, int e, Fields f) {
        if (f.split(b, s, e, 2) != 2) {
            return null;
        }
        long pt = f.number(b, 0, 3);
        if (pt < 0 || pt > 127) {
            return null;
        }
        int es = f.start[1];
        int ee = f.end[1];
        int slash1 = indexOf(b, es, ee, '/');
        if (slash1 <= es) {
            return null;
        }
        int slash2 = indexOf(b, slash1 + 1, ee, '/');
        long clock = Ascii.number(b, slash1 + 1, slash2 < 0 ? ee : slash2, 9);
        if (clock <= 0) {
            return null;
        }
        long channels = 0;
        if (slash2 >= 0) {
            channels = Ascii.number(b, slash2 + 1, ee, 9);
            if (channels < 0) {
                return null;
            }
        }
        Attribute.Rtpmap known = StaticPayloadTypes.rtpmap((int) pt);
        if (known != null && known.clockRate() == clock && known.channels() == channels
                && Ascii.equals(b, es, slash1, known.encodingName())) {
            return known; // records are immutable, so the RFC 3551 entry itself can be shared
        }
        return new Attribute.Rtpmap((int) pt, Ascii.text(b, es, slash1), (int) clock, (int) channels);
    }

    /** RFC 8866 §6.15: fmtp:{format} {format specific parameters}. */
    private static Attribute fmtp(byte[] b, int s, int e) {
        int space = indexOf(b, s, e, ' ');
        if (space <= s) {
            return null;
        }
        return new Attribute.Fmtp(Ascii.text(b, s, space), Ascii.text(b, space + 1, e));
    }

    /** RFC 3605 §2.1: rtcp:{port} [{nettype} {addrtype} {connection-address}]. */
    private static Attribute rtcp(byte[] b, int s, int e, Fields f) {
        int n = f.split(b, s, e, 4);
        if (n != 1 && n != 4) {
            return null;
        }
        long port = f.number(b, 0, 5);
        if (port < 0 || port > 65_535) {
            return null;
        }
        Connection c = n == 4 ? new Connection(f.text(b, 1), f.text(b, 2), f.text(b, 3)) : null;
        return new Attribute.Rtcp((int) port, c);
    }

    /** RFC 4568 §9.1: crypto:{tag} {crypto-suite} {key-params} *(SP {session-param}). */
    private static Attribute crypto(byte[] b, int s, int e, Fields f) {
        if (f.split(b, s, e, 64) < 3) {
            return null;
        }
        long tag = f.number(b, 0, 9);
        if (tag < 0) {
            return null;
        }
        return new Attribute.Crypto((int) tag, f.text(b, 1), f.text(b, 2), f.join(b, 3));
    }

    /** RFC 5888 §5: group:{semantics} *(SP {identification-tag}). */
    private static Attribute group(byte[] b, int s, int e, Fields f) {
        int n = f.split(b, s, e, 64);
        if (n < 1) {
            return null;
        }
        String[] tags = new String[n - 1];
        for (int i = 1; i < n; i++) {
            tags[i - 1] = f.text(b, i);
        }
        return new Attribute.Group(f.text(b, 0), java.util.List.of(tags));
    }

    private static int indexOf(byte[] b, int s, int e, char c) {
        for (int i = s; i < e; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
