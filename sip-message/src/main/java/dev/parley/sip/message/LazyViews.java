package dev.parley.sip.message;

import dev.parley.sip.message.SipParseException.Reason;
import dev.parley.sip.message.internal.HeaderTable;
import dev.parley.sip.message.internal.WireMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The typed views of a message that the transaction layer does not need — Max-Forwards,
 * Contact, Route, Record-Route, Expires, Min-Expires (RFC 3261 §20) — each decoded on first use
 * and kept. {@link SipMessage} makes this holder only when one of them is first asked for.
 *
 * <p>The fields are written without locking: every value is immutable and decoding is
 * deterministic, so two threads racing at most decode the same value twice.
 */
final class LazyViews {

    private final WireMessage w;
    private OptionalInt maxForwards;
    private List<Contact> contacts;
    private List<NameAddr> routes;
    private List<NameAddr> recordRoutes;
    private OptionalLong expires;
    private OptionalLong minExpires;

    LazyViews(WireMessage w) {
        this.w = w;
    }

    /** RFC 3261 §20.22: Max-Forwards, 0 to 255. */
    OptionalInt maxForwards() {
        OptionalInt v = maxForwards;
        if (v == null) {
            int i = w.find(HeaderTable.MAX_FORWARDS, 0);
            v = i < 0 ? OptionalInt.empty()
                    : OptionalInt.of((int) HeaderParsers.number(HeaderFields.cursor(w, w.valueStart(i), w.valueEnd(i)), 255));
            maxForwards = v;
        }
        return v;
    }

    /** RFC 3261 §20.10: every Contact value in order. */
    List<Contact> contacts() {
        List<Contact> v = contacts;
        if (v == null) {
            List<Contact> out = new ArrayList<>(2);
            HeaderFields.forEachElement(w, HeaderTable.CONTACT, Reason.BAD_NAME_ADDR,
                    (s, e) -> out.add(NameAddrParser.contact(HeaderFields.cursor(w, s, e))));
            v = List.copyOf(out);
            contacts = v;
        }
        return v;
    }

    /** RFC 3261 §20.34: every Route value in order. */
    List<NameAddr> routes() {
        List<NameAddr> v = routes;
        if (v == null) {
            v = nameAddrs(HeaderTable.ROUTE);
            routes = v;
        }
        return v;
    }

    /** RFC 3261 §20.30: every Record-Route value in order. */
    List<NameAddr> recordRoutes() {
        List<NameAddr> v = recordRoutes;
        if (v == null) {
            v = nameAddrs(HeaderTable.RECORD_ROUTE);
            recordRoutes = v;
        }
        return v;
    }

    /** RFC 3261 §20.19: Expires in seconds (32-bit). */
    OptionalLong expires() {
        OptionalLong v = expires;
        if (v == null) {
            v = number(HeaderTable.EXPIRES);
            expires = v;
        }
        return v;
    }

    /** RFC 3261 §20.23: Min-Expires in seconds. */
    OptionalLong minExpires() {
        OptionalLong v = minExpires;
        if (v == null) {
            v = number(HeaderTable.MIN_EXPIRES);
            minExpires = v;
        }
        return v;
    }

    private List<NameAddr> nameAddrs(int id) {
        List<NameAddr> out = new ArrayList<>(4);
        HeaderFields.forEachElement(w, id, Reason.BAD_NAME_ADDR,
                (s, e) -> out.add(NameAddrParser.nameAddr(HeaderFields.cursor(w, s, e), false)));
        return List.copyOf(out);
    }

    private OptionalLong number(int id) {
        int i = w.find(id, 0);
        return i < 0 ? OptionalLong.empty()
                : OptionalLong.of(HeaderParsers.number(HeaderFields.cursor(w, w.valueStart(i), w.valueEnd(i)), CSeq.MAX));
    }
}
