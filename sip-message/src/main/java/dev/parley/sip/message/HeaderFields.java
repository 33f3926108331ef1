package dev.parley.sip.message;

import dev.parley.sip.message.SipParseException.Reason;
import dev.parley.sip.message.internal.ByteSink;
import dev.parley.sip.message.internal.Cursor;
import dev.parley.sip.message.internal.HeaderTable;
import dev.parley.sip.message.internal.ListSplitter;
import dev.parley.sip.message.internal.WireMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Finding and reading the header fields of a parsed message in place (RFC 3261 §7.3): lookup by
 * name ignoring case and accepting compact forms, unfolded values, and the split of list-valued
 * fields on top-level commas (§7.3.1). Stateless: {@link SipMessage} calls it on its wire view.
 */
final class HeaderFields {

    private HeaderFields() {
    }

    /** Visits one comma-separated element of a header field value, as offsets into the buffer. */
    interface ElementAction {
        void on(int start, int end);
    }

    /** The name of field {@code i} as received (the table's constant when spelled the usual way). */
    static String name(WireMessage w, int i) {
        int id = w.id(i);
        if (id != HeaderTable.UNKNOWN) {
            // The usual spelling ("Via", "CSeq"...) is the table's constant: no new String per header.
            byte[] canonical = HeaderTable.longNameBytes(id);
            if (Arrays.equals(w.buf, w.nameStart(i), w.nameEnd(i), canonical, 0, canonical.length)) {
                return HeaderTable.longName(id);
            }
        }
        return new String(w.buf, w.nameStart(i), w.nameEnd(i) - w.nameStart(i), StandardCharsets.ISO_8859_1);
    }

    /** The value of field {@code i}, folds unfolded (RFC 3261 §7.3.1). */
    static String value(WireMessage w, int i) {
        return ByteSink.unfoldedString(w.buf, w.valueStart(i), w.valueEnd(i));
    }

    /** Header field indexes whose name matches {@code name} (case-insensitive, compact forms). */
    static int[] indexesOf(WireMessage w, String name) {
        int id = HeaderTable.idOf(name);
        byte[] lower = id == HeaderTable.UNKNOWN ? name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.ISO_8859_1) : null;
        int[] out = new int[4];
        int n = 0;
        for (int i = 0; i < w.count; i++) {
            if (id != HeaderTable.UNKNOWN ? w.id(i) == id : w.nameEquals(i, lower)) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Every value of {@code name}; list-valued headers split on top-level commas (§7.3.1). */
    static List<String> values(WireMessage w, String name) {
        int id = HeaderTable.idOf(name);
        List<String> out = new ArrayList<>();
        for (int i : indexesOf(w, name)) {
            if (HeaderTable.isList(id)) {
                int[] parts = ListSplitter.split(w.buf, w.valueStart(i), w.valueEnd(i), w.start, w.end());
                for (int k = 0; k < parts.length; k += 2) {
                    out.add(ByteSink.unfoldedString(w.buf, parts[k], parts[k + 1]));
                }
            } else {
                out.add(value(w, i));
            }
        }
        return out;
    }

    /** Visits every comma-separated element of every field with {@code id}; empty elements fail. */
    static void forEachElement(WireMessage w, int id, Reason emptyReason, ElementAction action) {
        for (int i = w.find(id, 0); i >= 0; i = w.find(id, i + 1)) {
            int[] parts = ListSplitter.split(w.buf, w.valueStart(i), w.valueEnd(i), w.start, w.end());
            for (int k = 0; k < parts.length; k += 2) {
                if (parts[k] == parts[k + 1]) {
                    throw SipParseException.at(emptyReason, w.buf, w.start, w.end(), parts[k]);
                }
                action.on(parts[k], parts[k + 1]);
            }
        }
    }

    /** A cursor over {@code [s, e)} whose errors quote the whole message. */
    static Cursor cursor(WireMessage w, int s, int e) {
        return new Cursor(w.buf, s, e, w.start, w.end());
    }

    /**
     * The tokens of a token-list header's values (Allow, Supported, Require, Proxy-Require,
     * Unsupported: RFC 3261 §20.5, §20.37, §20.32, §20.29, §20.40); empty values are skipped.
     */
    static List<String> tokens(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (!v.isEmpty()) {
                Cursor c = Cursor.of(v);
                String t = c.token(Reason.BAD_HEADER_VALUE);
                if (!c.skipLws().atEnd()) {
                    throw c.error(Reason.BAD_HEADER_VALUE);
                }
                out.add(t);
            }
        }
        return out;
    }
}
