package dev.parley.sdp.internal;

import dev.parley.sdp.Attribute;
import dev.parley.sdp.Bandwidth;
import dev.parley.sdp.Connection;
import dev.parley.sdp.MediaDescription;
import dev.parley.sdp.SessionDescription;
import dev.parley.sdp.Timing;
import dev.parley.sdp.UnknownLine;
import java.util.List;

/**
 * Writes a description in the canonical order of RFC 8866 §5, every line ended by CRLF:
 * v o s i u e p c b (t r) z k a, then for each medium m i c b k a. Unknown lines follow the
 * known lines of their section, in the order they were read.
 */
public final class SdpWriter {
    private final StringBuilder out;

    private SdpWriter(int capacity) {
        out = new StringBuilder(capacity);
    }

    public static String write(SessionDescription sd) {
        SdpWriter w = new SdpWriter(128 + 160 * sd.media().size());
        w.session(sd);
        return w.out.toString();
    }

    private void session(SessionDescription sd) {
        line('v', "0");
        line('o', sd.origin().value());
        line('s', sd.sessionName());
        optional('i', sd.information());
        optional('u', sd.uri());
        for (String e : sd.emails()) {
            line('e', e);
        }
        for (String p : sd.phones()) {
            line('p', p);
        }
        connection(sd.connection());
        bandwidths(sd.bandwidths());
        for (Timing t : sd.timings()) {
            out.append("t=").append(t.start()).append(' ').append(t.stop()).append("\r\n");
            for (String r : t.repeats()) {
                line('r', r);
            }
        }
        optional('z', sd.timeZones());
        optional('k', sd.encryptionKey());
        attributes(sd.attributes());
        unknown(sd.unknownLines());
        for (MediaDescription m : sd.media()) {
            media(m);
        }
    }

    private void media(MediaDescription m) {
        out.append("m=").append(m.media()).append(' ').append(m.port());
        if (m.portCount() > 0) {
            out.append('/').append(m.portCount());
        }
        out.append(' ').append(m.proto());
        for (String f : m.formats()) {
            out.append(' ').append(f);
        }
        out.append("\r\n");
        optional('i', m.information());
        connection(m.connection());
        bandwidths(m.bandwidths());
        optional('k', m.encryptionKey());
        attributes(m.attributes());
        unknown(m.unknownLines());
    }

    private void connection(Connection c) {
        if (c != null) {
            out.append("c=").append(c.netType()).append(' ').append(c.addressType()).append(' ').append(c.address())
                    .append("\r\n");
        }
    }

    private void bandwidths(List<Bandwidth> list) {
        for (Bandwidth bw : list) {
            out.append("b=").append(bw.type()).append(':').append(bw.value()).append("\r\n");
        }
    }

    private void attributes(List<Attribute> list) {
        for (Attribute a : list) {
            out.append("a=").append(a.attributeName());
            String value = a.attributeValue();
            if (value != null) {
                out.append(':').append(value);
            }
            out.append("\r\n");
        }
    }

    private void unknown(List<UnknownLine> list) {
        for (UnknownLine u : list) {
            line(u.type(), u.value());
        }
    }

    private void optional(char type, String value) {
        if (value != null) {
            line(type, value);
        }
    }

    private void line(char type, String value) {
        out.append(type).append('=').append(value).append("\r\n");
    }
}
