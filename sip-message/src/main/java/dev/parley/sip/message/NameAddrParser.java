package dev.parley.sip.message;

import dev.parley.sip.message.SipParseException.Reason;
import dev.parley.sip.message.internal.Chars;
import dev.parley.sip.message.internal.Cursor;

/** RFC 3261 §25.1 name-addr / addr-spec values: From, To, Contact, Route, Refer-To... */
final class NameAddrParser {

    private NameAddrParser() {
    }

    /**
     * RFC 3261 §25.1: ( name-addr / addr-spec ) *( SEMI params ), name-addr = [ display-name ]
     * LAQUOT addr-spec RAQUOT, display-name = *(token LWS) / quoted-string.
     */
    static NameAddr nameAddr(Cursor c, boolean contact) {
        c.skipLws();
        byte[] b = c.buf();
        String display = null;
        Uri uri;
        if (c.peekIs('"')) {
            display = c.quotedString();
            c.skipLws();
            if (!c.peekIs('<')) {
                throw c.error(Reason.BAD_NAME_ADDR);
            }
        }
        if (!c.peekIs('<')) {
            int s = c.pos();
            int e = s;
            int lt = -1;
            for (int p = s; p < c.end(); p++) {
                byte x = b[p];
                if (x == '<') {
                    lt = p;
                    break;
                }
                if (x == '"' || x == ',' || x == '>') {
                    break;
                }
            }
            if (lt >= 0) {
                // Lenient: RFC 4475 §3.1.1.6 — no LWS required between the display name and "<".
                for (int p = s; p < lt; p++) {
                    if (!Chars.is(b[p], Chars.TOKEN) && !Chars.isLws(b[p])) {
                        throw c.errorAt(Reason.BAD_NAME_ADDR, p);
                    }
                }
                int de = lt;
                while (de > s && Chars.isLws(b[de - 1])) {
                    de--;
                }
                display = de > s ? c.utf8(s, de) : null;
                c.pos(lt);
            } else {
                // RFC 3261 §20.10: without angle brackets, everything after the first ';' is a header
                // parameter, and a URI with ',' '?' or ';' of its own needed the brackets.
                while (e < c.end() && b[e] != ';' && !Chars.isLws(b[e])) {
                    if (b[e] == '?' || b[e] == ',') {
                        throw c.errorAt(Reason.BAD_NAME_ADDR, e);
                    }
                    e++;
                }
                uri = UriParser.parse(c, s, e);
                c.pos(e);
                Parameters params = HeaderParsers.params(c);
                HeaderParsers.end(c, Reason.BAD_NAME_ADDR);
                return checked(c, new NameAddr(null, uri, params), contact);
            }
        }
        c.advance();
        // Lenient: RFC 4475 §3.1.2.14 — whitespace just inside the angle brackets is skipped.
        c.skipLws();
        int s = c.pos();
        int gt = s;
        while (gt < c.end() && b[gt] != '>') {
            gt++;
        }
        if (gt >= c.end()) {
            throw c.error(Reason.BAD_NAME_ADDR);
        }
        int ue = gt;
        while (ue > s && Chars.isLws(b[ue - 1])) {
            ue--;
        }
        uri = UriParser.parse(c, s, ue);
        c.pos(gt + 1);
        Parameters params = HeaderParsers.params(c);
        HeaderParsers.end(c, Reason.BAD_NAME_ADDR);
        return checked(c, new NameAddr(display, uri, params), contact);
    }

    private static NameAddr checked(Cursor c, NameAddr na, boolean contact) {
        if (contact) {
            // RFC 3261 §20.10: expires is delta-seconds (32 bits, RFC 4475 §3.1.2.4); q is a qvalue.
            HeaderParsers.checkNumeric(c, na.params(), "expires", CSeq.MAX);
            String q = na.params().get("q").orElse(null);
            if (q != null && !isQvalue(q)) {
                throw c.error(Reason.BAD_PARAMETER);
            }
        }
        return na;
    }

    /** RFC 3261 §25.1: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ). */
    private static boolean isQvalue(String q) {
        if (q.isEmpty() || q.length() > 5 || (q.charAt(0) != '0' && q.charAt(0) != '1')) {
            return false;
        }
        if (q.length() == 1) {
            return true;
        }
        if (q.charAt(1) != '.') {
            return false;
        }
        for (int i = 2; i < q.length(); i++) {
            char ch = q.charAt(i);
            if (ch < '0' || ch > '9' || (q.charAt(0) == '1' && ch != '0')) {
                return false;
            }
        }
        return true;
    }

    /** Moves past the display name and address of a From/To value, to its header parameters. */
    static Cursor skipAddress(Cursor c) {
        c.skipLws();
        byte[] b = c.buf();
        if (c.peekIs('"')) {
            c.skipQuotedString();
        }
        int p = c.pos();
        while (p < c.end() && b[p] != '<' && b[p] != ';' && b[p] != '"') {
            p++;
        }
        if (p < c.end() && b[p] == '<') {
            while (p < c.end() && b[p] != '>') {
                p++;
            }
            if (p == c.end()) {
                throw c.errorAt(Reason.BAD_NAME_ADDR, p);
            }
            p++;
        } else {
            p = c.pos();
            while (p < c.end() && b[p] != ';' && !Chars.isLws(b[p])) {
                p++;
            }
        }
        c.pos(p);
        return c;
    }

    /**
     * The first {@code tag} parameter of a From or To value, or null: the same grammar as
     * {@link #params}, but only the tag value is allocated (the transaction hot path).
     */
    static String tag(Cursor c) {
        skipAddress(c);
        String tag = null;
        while (c.trySeparator(';')) {
            int ns = c.span(Chars.TOKEN);
            int ne = c.pos();
            if (ns == ne) {
                throw c.error(Reason.BAD_PARAMETER);
            }
            boolean isTag = tag == null && ne - ns == 3 && (c.buf()[ns] | 0x20) == 't' && (c.buf()[ns + 1] | 0x20) == 'a'
                    && (c.buf()[ns + 2] | 0x20) == 'g';
            String value = null;
            if (c.trySeparator('=')) {
                int vs = c.pos();
                if (c.peekIs('"')) {
                    value = isTag ? c.quotedString() : null;
                    if (!isTag) {
                        c.skipQuotedString();
                    }
                } else if (c.peekIs('[')) {
                    HeaderParsers.host(c, Reason.BAD_PARAMETER);
                } else {
                    while (!c.atEnd() && (Chars.is(c.buf()[c.pos()], Chars.TOKEN) || c.peekIs(':'))) {
                        c.advance();
                    }
                    if (c.pos() == vs) {
                        throw c.error(Reason.BAD_PARAMETER);
                    }
                }
                if (isTag && value == null) {
                    value = c.ascii(vs, c.pos());
                }
            }
            if (isTag) {
                tag = value == null ? "" : value;
            }
        }
        HeaderParsers.end(c, Reason.BAD_NAME_ADDR);
        return tag;
    }

    /** RFC 3261 §20.10: Contact = ( STAR / (contact-param *(COMMA contact-param)) ). */
    static Contact contact(Cursor c) {
        int save = c.pos();
        c.skipLws();
        if (c.peekIs('*')) {
            c.advance();
            c.skipLws();
            if (c.atEnd()) {
                return Contact.WILDCARD;
            }
        }
        c.pos(save);
        return new Contact(nameAddr(c, true));
    }
}
